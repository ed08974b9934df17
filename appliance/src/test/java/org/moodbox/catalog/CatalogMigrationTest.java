package org.moodbox.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.moodbox.model.Features;
import org.moodbox.model.Track;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A box that is updated finds the catalog its older Moodbox wrote: full of the owner's tracks, likes and artwork.
 * Each test writes such a file the way that older Moodbox did (its migration steps, raw SQL, its rows) and opens
 * it with today's catalog. What the owner wants: every track, play and picture still there after the upgrade; a
 * step that fails changes nothing and says which; a catalog from a newer Moodbox is refused and left alone.
 */
class CatalogMigrationTest {
    @TempDir
    Path dir;

    @Test
    void aPopulatedVersionOneCatalogIsUpgradedThroughEveryStepAndKeepsEverything() throws Exception {
        Path file = dir.resolve("catalog.db");
        try (Connection c = olderCatalog(file, 1)) {
            populate(c);
        }

        try (Catalog catalog = Catalog.open(file)) {
            assertThat(catalog.schemaVersion()).isEqualTo(Migrations.latestVersion());
            assertThat(catalog.trackCount()).isEqualTo(2);
            Track song = catalog.trackByUri("file:///music/song.ogg").orElseThrow();
            assertThat(song.title()).isEqualTo("Old Song");
            assertThat(song.artist()).isEqualTo("Old Band");
            assertThat(song.features()).extracting(Features::valence, Features::energy, Features::tempo,
                    Features::provenance).containsExactly(0.7, 0.4, 98.0, "measured");
            assertThat(song.features().mode()).as("version 1's mode column, kept").isEqualTo(1);
            assertThat(song.hasArtwork()).isTrue();
            assertThat(catalog.artwork(song.id()).orElseThrow().data()).containsExactly(1, 2, 3);
            assertThat(catalog.playCount(song.id())).isEqualTo(2);
            // The columns and tables of the later steps work on the old rows.
            assertThat(catalog.languageSource(song.id())).isEmpty();
            catalog.setArtistLanguage("old band", "de");
            assertThat(catalog.trackByUri("file:///music/song.ogg").orElseThrow().language()).isEqualTo("de");
            catalog.upsert(CatalogTest.entry("spotify:track:new", "New Band", 0.5, 0.5));
            assertThat(catalog.trackCount()).isEqualTo(3);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertThat(versionsRecorded(c)).as("each step recorded once, in order")
                    .containsExactlyElementsOf(Migrations.ALL.stream().map(Migrations.Migration::version).toList());
        }
    }

    @Test
    void aStepThatFailsHalfwayChangesNothingAndSaysWhichStep() throws Exception {
        Path file = dir.resolve("catalog.db");
        try (Connection c = olderCatalog(file, 2); Statement s = c.createStatement()) {
            populate(c);
            // Left behind by a hand edit or an unreleased build: step 3 adds a column and an index, then fails here.
            s.execute("CREATE TABLE candidate_queries (stray INTEGER)");
        }

        assertThatThrownBy(() -> Catalog.open(file))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("upgrading catalog " + file + " from schema version 2 to "
                        + Migrations.latestVersion() + " failed at step 3 (ISRC and the online candidate cache)")
                .hasMessageContaining("candidate_queries already exists")
                .hasMessageContaining("nothing was changed, the catalog is still at version 2 with all its tracks");

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            assertThat(versionsRecorded(c)).containsExactly(1, 2);
            assertThat(columns(c, "tracks")).as("step 3's first statement was taken back").doesNotContain("isrc");
            assertThat(count(s, "SELECT COUNT(*) FROM tracks")).isEqualTo(2);
            assertThat(count(s, "SELECT COUNT(*) FROM plays")).isEqualTo(2);
            assertThat(count(s, "SELECT COUNT(*) FROM artwork")).isEqualTo(1);
            // Once the stray table is gone, the same file upgrades with everything in it.
            s.execute("DROP TABLE candidate_queries");
        }
        try (Catalog catalog = Catalog.open(file)) {
            assertThat(catalog.schemaVersion()).isEqualTo(Migrations.latestVersion());
            assertThat(catalog.trackCount()).isEqualTo(2);
        }
    }

    @Test
    void aCatalogWrittenByANewerMoodboxIsRefusedAndLeftAsItIs() throws Exception {
        Path file = dir.resolve("catalog.db");
        int future = Migrations.latestVersion() + 1;
        try (Catalog catalog = Catalog.open(file)) {
            catalog.upsert(CatalogTest.entry("file:///music/kept.ogg", "Someone", 0.5, 0.5));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("INSERT INTO schema_version(version, description) VALUES (" + future + ", 'from the future')");
            s.execute("ALTER TABLE tracks ADD COLUMN mood_of_the_future TEXT");
        }

        assertThatThrownBy(() -> Catalog.open(file))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("has schema version " + future + ", newer than this Moodbox knows ("
                        + Migrations.latestVersion() + "); update Moodbox");

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            assertThat(versionsRecorded(c)).endsWith(future);
            assertThat(columns(c, "tracks")).contains("mood_of_the_future");
            assertThat(count(s, "SELECT COUNT(*) FROM tracks WHERE uri = 'file:///music/kept.ogg'")).isEqualTo(1);
        }
    }

    /** A catalog as the Moodbox of schema {@code version} left it: its own bookkeeping table and its steps. */
    private static Connection olderCatalog(Path file, int version) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA foreign_keys = ON");
            s.executeQuery("PRAGMA journal_mode = WAL").close();
            s.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description TEXT,"
                    + " applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))");
            for (Migrations.Migration m : Migrations.ALL.subList(0, version)) {
                for (String sql : m.statements()) {
                    s.execute(sql);
                }
                try (var mark = c.prepareStatement("INSERT INTO schema_version(version, description) VALUES (?, ?)")) {
                    mark.setInt(1, m.version());
                    mark.setString(2, m.description());
                    mark.executeUpdate();
                }
            }
        }
        return c;
    }

    /** Two tracks, one with measured features, artwork and two plays (one liked): the columns of step 1. */
    private static void populate(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO tracks(id, source, uri, title, artist, album, year, language, genres,"
                    + " duration_seconds, file_size, file_mtime_ms) VALUES (1, 'local', 'file:///music/song.ogg',"
                    + " 'Old Song', 'Old Band', 'Old Album', 1999, NULL, 'rock', 201.5, 4000, 1700000000000)");
            s.execute("INSERT INTO tracks(id, source, uri, title, artist, duration_seconds)"
                    + " VALUES (2, 'import', 'spotify:track:0000000000000000000002', 'Imported', 'Someone', 180)");
            s.execute("INSERT INTO features(track_id, valence, energy, tempo, mode, provenance)"
                    + " VALUES (1, 0.7, 0.4, 98.0, 1, 'measured')");
            s.execute("INSERT INTO artwork(track_id, mime, bytes) VALUES (1, 'image/png', X'010203')");
            s.execute("INSERT INTO plays(track_id, mood, feedback) VALUES (1, 'happy', 1)");
            s.execute("INSERT INTO plays(track_id, mood, feedback) VALUES (1, 'calm', NULL)");
        }
    }

    private static List<Integer> versionsRecorded(Connection c) throws SQLException {
        List<Integer> versions = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version FROM schema_version ORDER BY version")) {
            while (rs.next()) {
                versions.add(rs.getInt(1));
            }
        }
        return versions;
    }

    private static List<String> columns(Connection c, String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (rs.next()) {
                names.add(rs.getString("name"));
            }
        }
        return names;
    }

    private static int count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
