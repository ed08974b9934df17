package org.moodbox.catalog.scan;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Where the owner's library scan is: {@link State#IDLE} (none since the box started), {@link State#RUNNING} with
 * files done of total, {@link State#FINISHED} with the report's figures, or {@link State#FAILED} with the reason.
 *
 * @param currentFile the file name being read (no folders: the page has no use for them), null when none
 * @param failures    unreadable files, one line each, as the scan reported them
 */
public record ScanStatus(State state, int done, int total, String currentFile, Instant startedAt,
                         Instant finishedAt, int added, int updated, int unchanged, List<String> failures,
                         String error) {
    /** The scan's states; {@link #key()} is the word the admin page reads. */
    public enum State {
        IDLE, RUNNING, FINISHED, FAILED;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    static final ScanStatus IDLE = new ScanStatus(State.IDLE, 0, 0, null, null, null, 0, 0, 0, List.of(), null);

    public ScanStatus {
        failures = List.copyOf(failures);
    }

    public boolean running() {
        return state == State.RUNNING;
    }

    static ScanStatus started(Instant at) {
        return new ScanStatus(State.RUNNING, 0, 0, null, at, null, 0, 0, 0, List.of(), null);
    }

    static ScanStatus progress(Instant startedAt, int done, int total, Path file) {
        String name = file == null || file.getFileName() == null ? null : file.getFileName().toString();
        return new ScanStatus(State.RUNNING, done, total, name, startedAt, null, 0, 0, 0, List.of(), null);
    }

    static ScanStatus finished(Instant startedAt, Instant at, ScanReport report) {
        return new ScanStatus(State.FINISHED, report.found(), report.found(), null, startedAt, at, report.added(),
                report.updated(), report.unchanged(), report.failures(), null);
    }

    static ScanStatus failed(Instant startedAt, Instant at, String why) {
        return new ScanStatus(State.FAILED, 0, 0, null, startedAt, at, 0, 0, 0, List.of(), why);
    }
}
