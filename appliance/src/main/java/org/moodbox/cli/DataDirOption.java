package org.moodbox.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where the appliance keeps its state (catalog.db, settings, secrets). The Debian package sets
 * MOODBOX_DATA=/var/lib/moodbox ({@link EnvironmentDefaults} makes it this option's default); a developer's
 * checkout uses ~/.local/share/moodbox.
 */
public final class DataDirOption {
    @Option(names = "--data", paramLabel = "DIR", description = "state folder (default: $MOODBOX_DATA or ~/.local/share/moodbox)")
    Path dataDir;

    public Path dataDir() {
        Path dir = dataDir;
        if (dir == null) {
            dir = Path.of(System.getProperty("user.home"), ".local", "share", "moodbox");
        }
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create data folder " + dir + ": " + e.getMessage(), e);
        }
        return dir;
    }

    public Path catalogFile() {
        return dataDir().resolve("catalog.db");
    }
}
