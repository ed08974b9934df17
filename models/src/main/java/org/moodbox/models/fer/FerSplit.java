package org.moodbox.models.fer;

import java.util.Locale;

/** The three FER-2013 splits by their Usage column: Training, PublicTest (validation), PrivateTest (test). */
public enum FerSplit {
    TRAIN, PUBLICTEST, PRIVATETEST;

    /** The name inside the shared file names, e.g. {@code fer2013_privatetest_images.idx3-ubyte.gz}. */
    public String fileKey() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FerSplit parse(String name) {
        for (FerSplit s : values()) {
            if (s.fileKey().equalsIgnoreCase(name.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown split '" + name + "': expected train, publictest or privatetest");
    }
}
