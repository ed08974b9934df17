package org.moodbox.catalog.scan;

import java.util.List;

/**
 * The outcome of a library scan.
 *
 * @param audioSeconds    total length of the files that were read
 * @param analysedSeconds the part of them that was decoded and analysed (a window per file)
 * @param failures        one readable line per file that could not be read
 * @param missing         uris of catalogued files under the scanned folders that are gone from disk; they stay
 *                        in the catalog (an unplugged USB stick must not wipe a library)
 */
public record ScanReport(int found, int added, int updated, int unchanged, List<String> failures,
                         List<String> missing, double audioSeconds, double analysedSeconds, double wallSeconds) {
    public ScanReport {
        failures = List.copyOf(failures);
        missing = List.copyOf(missing);
    }

    /** Seconds of music catalogued per second of work: the figure the "100x real time" goal refers to. */
    public double realtimeFactor() {
        return wallSeconds > 0 ? audioSeconds / wallSeconds : 0;
    }
}
