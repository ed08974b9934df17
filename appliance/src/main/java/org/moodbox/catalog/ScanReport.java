package org.moodbox.catalog;

import java.util.List;

/**
 * The outcome of a library scan.
 *
 * @param audioSeconds    total length of the files that were read
 * @param analysedSeconds the part of them that was decoded and analysed (a window per file)
 * @param failures        one readable line per file that could not be read
 */
public record ScanReport(int found, int added, int updated, int unchanged, List<String> failures,
                         double audioSeconds, double analysedSeconds, double wallSeconds) {
    public ScanReport {
        failures = List.copyOf(failures);
    }

    /** Seconds of music catalogued per second of work: the figure the "100x real time" goal refers to. */
    public double realtimeFactor() {
        return wallSeconds > 0 ? audioSeconds / wallSeconds : 0;
    }
}
