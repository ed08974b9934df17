package org.moodbox.catalog;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The research music tables in shared/data/music (never copied into the repo): at $MOODBOX_SHARED_DATA/music,
 * or ../../shared/data/music from the module as a checkout beside shared/ has it.
 */
public final class SharedMusicData {
    private SharedMusicData() {
    }

    public static Path file(String name) {
        String env = System.getenv("MOODBOX_SHARED_DATA");
        return (env != null ? Path.of(env, "music") : Path.of("../../shared/data/music")).resolve(name);
    }

    /**
     * The file, or the calling test is skipped. The reason is also printed, because Maven's console shows
     * a skipped class as "Tests run: 0" without it.
     */
    public static Path require(String name) {
        Path table = file(name);
        if (!Files.isReadable(table)) {
            System.out.println("skipped: shared data not found at " + table.toAbsolutePath()
                    + " (set MOODBOX_SHARED_DATA)");
        }
        assumeThat(Files.isReadable(table))
                .as("shared data not found at " + table.toAbsolutePath() + " (set MOODBOX_SHARED_DATA)").isTrue();
        return table;
    }
}
