package org.moodbox.catalog.scan;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A library scan on its own thread, one at a time: the one the box starts once it serves, and any the owner
 * starts from the phone. A scan of a large library takes minutes, and the kiosk keeps playing meanwhile
 * (and a start-up that waited for it could outlast systemd's start timeout). It publishes where it is after
 * every file, so the admin page can show a progress bar by polling {@link #status()}, and logs it every
 * {@value #LOG_EVERY} files.
 */
public final class BackgroundScan implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundScan.class);
    private static final int LOG_EVERY = 25;
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private final LibraryScanner scanner;
    private final Supplier<List<Path>> folders;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "moodbox-library-scan");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY); // the camera and the audio come first
        return t;
    });
    private final AtomicReference<ScanStatus> status = new AtomicReference<>(ScanStatus.IDLE);
    private final List<Runnable> whenDone = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** @param folders the folders to scan, read when a scan starts (the owner's list may have changed) */
    public BackgroundScan(LibraryScanner scanner, Supplier<List<Path>> folders, Clock clock) {
        this.scanner = scanner;
        this.folders = folders;
        this.clock = clock;
    }

    /** Called on the scan's thread after each scan: new tracks mean new cards. */
    public void onFinished(Runnable listener) {
        whenDone.add(listener);
    }

    public ScanStatus status() {
        return status.get();
    }

    /**
     * Starts a scan unless one runs.
     *
     * @return false when a scan was already running (the caller shows its progress instead)
     */
    public boolean start() {
        List<Path> roots = List.copyOf(folders.get());
        ScanStatus running = ScanStatus.started(clock.instant());
        ScanStatus before = status.getAndUpdate(s -> s.running() ? s : running);
        if (before.running()) {
            return false;
        }
        try {
            worker.execute(() -> run(roots, running.startedAt()));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            status.set(ScanStatus.failed(running.startedAt(), clock.instant(), "the box is shutting down"));
            return false;
        }
        return true;
    }

    private void run(List<Path> roots, Instant startedAt) {
        LOG.info("library scan started: {} folder(s)", roots.size());
        try {
            ScanReport report = scanner.scan(roots, (done, total, file) -> {
                status.set(ScanStatus.progress(startedAt, done, total, file));
                if (done % LOG_EVERY == 0 && done > 0) {
                    LOG.info("scanning music: {}/{}", done, total);
                }
            });
            status.set(ScanStatus.finished(startedAt, clock.instant(), report));
            LOG.info("library scan done: {} files, {} added, {} updated, {} unchanged, {} unreadable ({}x real time)",
                    report.found(), report.added(), report.updated(), report.unchanged(), report.failures().size(),
                    Math.round(report.realtimeFactor()));
        } catch (RuntimeException e) {
            status.set(ScanStatus.failed(startedAt, clock.instant(), String.valueOf(e.getMessage())));
            LOG.warn("library scan failed: {}", e.toString());
        }
        whenDone.forEach(listener -> {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.warn("after the library scan: {}", e.toString());
            }
        });
    }

    /**
     * Stops a running scan after the file it is on (the scanner checks for the interrupt between files) and
     * waits for that, so the catalog is not closed under a write.
     */
    @Override
    public void close() {
        worker.shutdownNow();
        try {
            if (!worker.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("library scan still busy with a file after {} s; closing anyway", CLOSE_WAIT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
