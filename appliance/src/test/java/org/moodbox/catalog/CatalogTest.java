package org.moodbox.catalog;

import org.moodbox.model.SourceKind;
import org.moodbox.model.Features;
import org.moodbox.model.Track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class CatalogTest {
    @TempDir
    Path dir;

    public static CatalogEntry entry(String uri, String artist, double valence, double energy) {
        return new CatalogEntry(SourceKind.IMPORT, uri, "Song " + uri, artist, "Album", 2020, "en", List.of("pop", "rock"),
                200, false, "someone", null, new Features(valence, energy, 120.0, "imported"), 1, null);
    }

    @Test
    void createsSchemaWithWalAndVersionedMigrations() throws Exception {
        Path file = dir.resolve("catalog.db");
        try (Catalog catalog = Catalog.open(file)) {
            assertThat(catalog.schemaVersion()).isEqualTo(Migrations.latestVersion());
        }
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + file);
             ResultSet rs = c.createStatement().executeQuery("PRAGMA journal_mode")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
        }
        // Reopening applies nothing twice.
        try (Catalog catalog = Catalog.open(file)) {
            assertThat(catalog.schemaVersion()).isEqualTo(Migrations.latestVersion());
        }
    }

    @Test
    void upsertReplacesByUriAndReadsBack() {
        try (Catalog catalog = Catalog.open(dir.resolve("c.db"))) {
            long id = catalog.upsert(entry("spotify:track:1", "A", 0.2, 0.3));
            long again = catalog.upsert(entry("spotify:track:1", "B", 0.8, 0.9));
            assertThat(again).isEqualTo(id);
            assertThat(catalog.trackCount()).isEqualTo(1);
            Track t = catalog.track(id).orElseThrow();
            assertThat(t.artist()).isEqualTo("B");
            assertThat(t.features().valence()).isEqualTo(0.8);
            assertThat(t.features().provenance()).isEqualTo("imported");
            assertThat(t.hasArtwork()).isFalse();
            assertThat(catalog.allTracks()).hasSize(1);
        }
    }

    @Test
    void storesArtworkAndPlays() {
        try (Catalog catalog = Catalog.open(dir.resolve("c.db"))) {
            byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
            CatalogEntry e = new CatalogEntry(SourceKind.LOCAL, "file:///x.ogg", "x", "y", null, null, "instrumental", null,
                    3, false, null, new FileStamp(10, 20), null, null, new Artwork(png, "image/png"));
            long id = catalog.upsert(e);
            assertThat(catalog.artwork(id)).hasValueSatisfying(a -> {
                assertThat(a.data()).containsExactly(png);
                assertThat(a.mimeType()).isEqualTo("image/png");
            });
            assertThat(catalog.track(id).orElseThrow().hasArtwork()).isTrue();
            assertThat(catalog.fileStamps(SourceKind.LOCAL)).containsEntry("file:///x.ogg", new FileStamp(10, 20));
            catalog.recordPlay(id, "happy", 1);
            assertThat(catalog.playCount(id)).isEqualTo(1);
            assertThat(catalog.artwork(id + 1)).isEmpty();
        }
    }

    @Test
    void failedTransactionLeavesNothing() {
        try (Catalog catalog = Catalog.open(dir.resolve("c.db"))) {
            assertThatThrownBy(() -> catalog.inTransaction(() -> {
                catalog.upsert(entry("u1", "A", 0.1, 0.1));
                catalog.upsert(entry("u2", "A", 0.1, 0.1));
                throw new IllegalStateException("boom");
            })).hasMessage("boom");
            assertThat(catalog.trackCount()).isZero();
        }
    }

    @Test
    void refusesAFileThatIsNotSqlite() throws Exception {
        Path garbage = dir.resolve("garbage.db");
        Files.writeString(garbage, "this is not a database, just some text that is long enough ".repeat(20),
                StandardCharsets.US_ASCII);
        byte[] before = Files.readAllBytes(garbage);
        assertThatThrownBy(() -> Catalog.open(garbage))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("not an SQLite database");
        assertThat(Files.readAllBytes(garbage)).isEqualTo(before);
    }

    @Test
    void refusesSomeoneElsesDatabase() throws Exception {
        Path other = dir.resolve("other.db");
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + other)) {
            c.createStatement().execute("CREATE TABLE invoices (id INTEGER)");
        }
        assertThatThrownBy(() -> Catalog.open(other))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("not a Moodbox catalog");
    }
}
