package org.moodbox.lab;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The FER-2013 research data (never copied into the repo): $MOODBOX_SHARED_DATA/fer2013, or
 * ../../../shared/data/fer2013 from this module as a checkout beside shared/ has it.
 */
public final class SharedFerData {
    private SharedFerData() {
    }

    public static Path dir() {
        String env = System.getenv("MOODBOX_SHARED_DATA");
        return env != null ? Path.of(env, "fer2013") : Path.of("../../../shared/data/fer2013");
    }

    /** The folder, or the calling test is skipped with the reason printed (Maven shows only "Tests run: 0"). */
    public static Path require() {
        Path dir = dir();
        boolean present = Files.isReadable(dir.resolve("fer2013_train_images.idx3-ubyte.gz"));
        if (!present) {
            System.out.println("skipped: FER-2013 not found at " + dir.toAbsolutePath() + " (set MOODBOX_SHARED_DATA)");
        }
        assumeThat(present).as("FER-2013 not found at " + dir.toAbsolutePath()).isTrue();
        return dir;
    }
}
