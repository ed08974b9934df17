package org.moodbox.catalog.scan;

import java.nio.file.Path;

/** Told about each file as the scan reaches it, so a long scan can show where it is. */
@FunctionalInterface
public interface ScanProgress {
    void at(int done, int total, Path file);

    ScanProgress SILENT = (done, total, file) -> { };
}
