package org.moodbox.catalog.scan;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Where the owner's library scan is: {@code idle} (none since the box started), {@code running} with files
 * done of total, {@code finished} with the report's figures, or {@code failed} with the reason.
 *
 * @param currentFile the file name being read (no folders: the page has no use for them), null when none
 * @param failures    unreadable files, one line each, as the scan reported them
 */
public record ScanStatus(String state, int done, int total, String currentFile, Instant startedAt,
                         Instant finishedAt, int added, int updated, int unchanged, List<String> failures,
                         String error) {
    static final ScanStatus IDLE = new ScanStatus("idle", 0, 0, null, null, null, 0, 0, 0, List.of(), null);

    public ScanStatus {
        failures = List.copyOf(failures);
    }

    public boolean running() {
        return "running".equals(state);
    }

    static ScanStatus started(Instant at) {
        return new ScanStatus("running", 0, 0, null, at, null, 0, 0, 0, List.of(), null);
    }

    static ScanStatus progress(Instant startedAt, int done, int total, Path file) {
        String name = file == null || file.getFileName() == null ? null : file.getFileName().toString();
        return new ScanStatus("running", done, total, name, startedAt, null, 0, 0, 0, List.of(), null);
    }

    static ScanStatus finished(Instant startedAt, Instant at, ScanReport report) {
        return new ScanStatus("finished", report.found(), report.found(), null, startedAt, at, report.added(),
                report.updated(), report.unchanged(), report.failures(), null);
    }

    static ScanStatus failed(Instant startedAt, Instant at, String why) {
        return new ScanStatus("failed", 0, 0, null, startedAt, at, 0, 0, 0, List.of(), why);
    }
}
