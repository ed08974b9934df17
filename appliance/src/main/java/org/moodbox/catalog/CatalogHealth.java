package org.moodbox.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalog's health at start, and its way back from a corrupt file.
 *
 * <p>A catalog with corrupt pages opened fine and the box reported READY, yet it never showed cards and
 * {@code /api/play} answered 500; other corruptions stopped the box with a message, and under systemd it stayed
 * down until someone moved the file. Now SQLite's {@code PRAGMA quick_check} runs at start. A file that fails it
 * (or is not SQLite, or is empty: a 0-byte catalog is a torn write, not a new box) is moved aside with its WAL,
 * and the box starts on a fresh catalog that the library scan fills from the owner's folders. The play history,
 * the likes and skips and the owner's artist languages come back from the nightly backup copy
 * ({@link CatalogBackup}) once the scan has put the tracks back ({@link #restoreHistory}).
 */
public final class CatalogHealth {
    private static final Logger LOG = LoggerFactory.getLogger(CatalogHealth.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    /** The opened catalog, what the owner should be told about it, and a backup to restore history from. */
    public record Opened(Catalog catalog, Optional<String> notice, Optional<Path> restoreFrom) {
    }

    private CatalogHealth() {
    }

    /**
     * Opens {@code file} after checking it; a corrupt one is replaced by a fresh catalog.
     *
     * @param backup the nightly backup copy (it may not exist)
     */
    public static Opened open(Path file, Path backup, Clock clock) {
        Optional<String> problem = problem(file);
        if (problem.isEmpty()) {
            return new Opened(Catalog.open(file), Optional.empty(), Optional.empty());
        }
        Path aside = moveAside(file, clock);
        boolean haveBackup = Files.isRegularFile(backup) && problem(backup).isEmpty();
        String notice = "the music catalog was damaged (" + problem.get() + "); it was moved aside as "
                + aside.getFileName() + " and a fresh catalog is being built from the music folders"
                + (haveBackup ? "; play history and likes come back from the backup of" + lastModified(backup)
                : "; there was no usable backup, so play history and likes start again");
        LOG.error("{}: {}", file, notice);
        return new Opened(Catalog.open(file), Optional.of(notice), haveBackup ? Optional.of(backup) : Optional.empty());
    }

    /** Why {@code file} cannot be used as a catalog, or empty when it is healthy or absent (a new box). */
    public static Optional<String> problem(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            if (Files.size(file) == 0) {
                return Optional.of("the file is empty (0 bytes)");
            }
        } catch (IOException e) {
            return Optional.of("the file cannot be read: " + e.getMessage());
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             Statement s = connection.createStatement();
             ResultSet rows = s.executeQuery("PRAGMA quick_check(5)")) {
            List<String> findings = new ArrayList<>();
            while (rows.next()) {
                findings.add(rows.getString(1));
            }
            if (findings.equals(List.of("ok"))) {
                return Optional.empty();
            }
            return Optional.of("integrity check: " + String.join("; ", findings));
        } catch (SQLException e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * Copies the plays (with their likes and skips) and the owner's artist languages from the backup into the
     * catalog, matching tracks by their URI; plays of tracks the catalog no longer has are left out.
     *
     * @return the number of plays restored
     */
    public static int restoreHistory(Catalog catalog, Path backup) {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + catalog.file().toAbsolutePath());
             Statement s = connection.createStatement()) {
            s.execute("PRAGMA busy_timeout = 5000");
            s.execute("ATTACH DATABASE '" + backup.toAbsolutePath().toString().replace("'", "''") + "' AS backup");
            connection.setAutoCommit(false);
            int plays = s.executeUpdate("""
                    INSERT INTO plays(track_id, played_at, mood, feedback)
                    SELECT t.id, p.played_at, p.mood, p.feedback
                    FROM backup.plays p JOIN backup.tracks bt ON bt.id = p.track_id JOIN tracks t ON t.uri = bt.uri
                    WHERE NOT EXISTS (SELECT 1 FROM plays q WHERE q.track_id = t.id AND q.played_at = p.played_at)
                    ORDER BY p.id""");
            int languages = hasTable(s, "backup", "artist_languages") ? s.executeUpdate(
                    "INSERT OR IGNORE INTO artist_languages SELECT * FROM backup.artist_languages") : 0;
            connection.commit();
            connection.setAutoCommit(true);
            s.execute("DETACH DATABASE backup");
            LOG.info("restored {} plays and {} artist languages from the backup {}", plays, languages, backup);
            return plays;
        } catch (SQLException e) {
            throw new CatalogException("cannot restore the play history from " + backup + ": " + e.getMessage(), e);
        }
    }

    private static boolean hasTable(Statement s, String schema, String table) throws SQLException {
        try (ResultSet rows = s.executeQuery("SELECT 1 FROM " + schema + ".sqlite_master WHERE type = 'table' AND name = '"
                + table + "'")) {
            return rows.next();
        }
    }

    /** catalog.db.corrupt-20261207T013000Z, with its -wal and -shm beside it: evidence is never overwritten. */
    private static Path moveAside(Path file, Clock clock) {
        Path aside = file.resolveSibling(file.getFileName() + ".corrupt-" + STAMP.format(clock.instant()));
        try {
            Files.move(file, aside);
            for (String suffix : List.of("-wal", "-shm", "-journal")) {
                Path side = file.resolveSibling(file.getFileName() + suffix);
                if (Files.exists(side)) {
                    Files.move(side, aside.resolveSibling(aside.getFileName() + suffix),
                            StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return aside;
        } catch (IOException e) {
            throw new CatalogException("the catalog " + file + " is damaged and cannot be moved aside: "
                    + e.getMessage(), e);
        }
    }

    private static String lastModified(Path file) {
        try {
            return " " + STAMP.format(Files.getLastModifiedTime(file).toInstant());
        } catch (IOException e) {
            return "";
        }
    }
}
