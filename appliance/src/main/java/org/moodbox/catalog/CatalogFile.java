package org.moodbox.catalog;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalog file's settings and schema: the pragmas every connection needs, and the pending
 * {@link Migrations} applied in one transaction, or a clear refusal for a file that is not ours or newer.
 */
final class CatalogFile {
    private static final Logger log = LoggerFactory.getLogger(CatalogFile.class);

    private CatalogFile() {
    }

    static void configureAndMigrate(Path file, Connection connection, Consumer<Runnable> inTransaction)
            throws SQLException {
        try (Statement s = connection.createStatement()) {
            // The first statement reads the header: a non-SQLite file fails here, before anything is written.
            s.executeQuery("PRAGMA schema_version").close();
            s.execute("PRAGMA foreign_keys = ON");
            s.execute("PRAGMA busy_timeout = 5000");
            s.executeQuery("PRAGMA journal_mode = WAL").close();
            // The box loses power whenever its owner pulls the plug. FULL fsyncs the WAL at every commit, so a
            // commit that returned (a like, a play, a scanned track) is on the card. NORMAL, the usual WAL
            // choice, never corrupts either but may lose the last commits. sqlite-jdbc 3.51 happens to be
            // built with FULL as its WAL default; said here so a driver change cannot silently weaken it.
            // The cost is one fsync per transaction: nothing next to decoding a file per scanned track, and
            // the feature-table import runs in one transaction. CatalogPowerLossTest checks the kill -9 half.
            s.execute("PRAGMA synchronous = FULL");
            boolean hasVersionTable = exists(s, "SELECT 1 FROM sqlite_master WHERE type='table' AND name='schema_version'");
            boolean hasOtherTables = exists(s, "SELECT 1 FROM sqlite_master WHERE type='table' AND name<>'schema_version'");
            if (!hasVersionTable && hasOtherTables) {
                throw new CatalogException("catalog " + file + " is an SQLite database but not a Moodbox catalog "
                        + "(no schema_version table); refusing to change it");
            }
            s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description TEXT,"
                    + " applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))");
        }
        int current = schemaVersion(connection);
        if (current > Migrations.latestVersion()) {
            throw new CatalogException("catalog " + file + " has schema version " + current
                    + ", newer than this Moodbox knows (" + Migrations.latestVersion() + "); update Moodbox");
        }
        if (current == Migrations.latestVersion()) {
            return;
        }
        // All steps in one transaction: a step that fails takes the earlier ones back with it, so the file stays
        // exactly as the older Moodbox left it, and the message says which step and that nothing changed.
        inTransaction.accept(() -> {
            Migrations.Migration step = null;
            try (Statement s = connection.createStatement();
                 PreparedStatement mark = connection.prepareStatement(
                         "INSERT INTO schema_version(version, description) VALUES (?, ?)")) {
                for (Migrations.Migration m : Migrations.ALL) {
                    if (m.version() <= current) {
                        continue;
                    }
                    step = m;
                    for (String sql : m.statements()) {
                        s.execute(sql);
                    }
                    mark.setInt(1, m.version());
                    mark.setString(2, m.description());
                    mark.executeUpdate();
                    log.info("catalog {}: applied migration {} ({})", file, m.version(), m.description());
                }
            } catch (SQLException e) {
                throw new CatalogException("upgrading catalog " + file + " from schema version " + current + " to "
                        + Migrations.latestVersion() + " failed at step " + (step == null ? "?" : step.version() + " ("
                        + step.description() + ")") + ": " + e.getMessage() + "; nothing was changed, the catalog is"
                        + " still at version " + current + " with all its tracks", e);
            }
        });
    }

    static int schemaVersion(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static boolean exists(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            return rs.next();
        }
    }
}
