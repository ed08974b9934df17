package org.moodbox.settings;

import java.nio.file.Path;
import java.util.List;

/**
 * The victim of {@link SettingsPowerLossTest}: opens the real settings store and saves write n, n+1, ... until
 * it is killed, printing "ACK n" only after save n has returned. Write n names favourite artist "writer n" and
 * a volume cap derived from n, so the file itself says which write it holds. Usage:
 * {@code SettingsCrashWriter <data folder> <first n>}.
 */
public final class SettingsCrashWriter {
    /** A child whose test died (and so never kills it) stops by itself. */
    private static final long MAX_RUN_MILLIS = 60_000;

    private SettingsCrashWriter() {
    }

    static Settings write(Settings base, long n) {
        return new Settings(base.languages(), List.of("writer " + n), base.excludedArtists(), capOf(n),
                base.screenSchedule(), base.detector(), base.cameraSource(), base.strategies(), base.libraryFolders(),
                base.youtube(), base.emotionModel(), base.gpio());
    }

    static double capOf(long n) {
        return (n % 101) / 100.0;
    }

    /** Which write a file holds, from its favourite artist; 0 for a store that was never written. */
    static long writeHeld(Settings settings) {
        if (settings.favouriteArtists().isEmpty()) {
            return 0;
        }
        long n = Long.parseLong(settings.favouriteArtists().get(0).substring("writer ".length()));
        if (settings.volumeCap() != capOf(n)) {
            throw new AssertionError("write " + n + " is torn: volume cap " + settings.volumeCap());
        }
        return n;
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        long n = Long.parseLong(args[1]);
        long deadline = System.currentTimeMillis() + MAX_RUN_MILLIS;
        SettingsStore store = SettingsStore.open(dir);
        System.out.println("OPEN");
        System.out.flush();
        while (System.currentTimeMillis() < deadline) {
            store.save(write(store.current(), n));
            System.out.println("ACK " + n);
            System.out.flush();
            if (System.out.checkError()) {
                return; // nobody is reading: the test is gone
            }
            n++;
        }
    }
}
