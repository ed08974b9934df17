package org.moodbox.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A nightly copy of the catalog made with SQLite's online backup API (sqlite-jdbc's {@code backup to}), so the
 * play history and the likes survive a catalog that goes bad ({@link CatalogHealth}). The copy is written to a
 * temporary file, checked with {@code quick_check}, and only then renamed over the previous one: a backup taken
 * from a catalog that is already failing never replaces a good one.
 */
public final class CatalogBackup implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CatalogBackup.class);
    public static final String FILE_NAME = "catalog.backup.db";
    static final LocalTime NIGHTLY_AT = LocalTime.of(3, 30);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "catalog-backup");
        t.setDaemon(true);
        return t;
    });

    private CatalogBackup() {
    }

    /**
     * Backs {@code catalog} up to {@code target} every night at 03:30, and ten minutes after start when there
     * is no copy younger than a day (a new box should not wait for its first night).
     */
    public static CatalogBackup nightly(Path catalog, Path target, Clock clock) {
        CatalogBackup backup = new CatalogBackup();
        ZonedDateTime now = ZonedDateTime.now(clock);
        ZonedDateTime next = now.with(NIGHTLY_AT);
        if (!next.isAfter(now)) {
            next = next.plusDays(1);
        }
        Runnable run = () -> {
            try {
                backUp(catalog, target);
            } catch (RuntimeException e) {
                LOG.warn("the nightly catalog backup failed: {}", e.getMessage());
            }
        };
        backup.timer.scheduleAtFixedRate(run, Duration.between(now, next).toMinutes(), TimeUnit.DAYS.toMinutes(1),
                TimeUnit.MINUTES);
        if (!freshWithinADay(target, clock)) {
            backup.timer.schedule(run, 10, TimeUnit.MINUTES);
        }
        return backup;
    }

    /** One backup now: online (the catalog stays in use), checked, then renamed into place. */
    public static void backUp(Path catalog, Path target) {
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try {
            Files.deleteIfExists(partial);
            try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + catalog.toAbsolutePath());
                 Statement s = connection.createStatement()) {
                s.executeUpdate("backup to " + partial.toAbsolutePath());
            }
            var problem = CatalogHealth.problem(partial);
            if (problem.isPresent()) {
                Files.deleteIfExists(partial);
                throw new CatalogException("the catalog backup failed its check (" + problem.get()
                        + "); the previous backup is kept");
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("catalog backed up to {}", target);
        } catch (SQLException | IOException e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // the next backup removes it
            }
            throw new CatalogException("cannot back the catalog up to " + target + ": " + e.getMessage(), e);
        }
    }

    private static boolean freshWithinADay(Path target, Clock clock) {
        try {
            return Files.isRegularFile(target)
                    && Files.getLastModifiedTime(target).toInstant().isAfter(clock.instant().minus(Duration.ofDays(1)));
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
