package org.moodbox.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalog at start: a damaged file (corrupt pages, not SQLite, 0 bytes) is found by quick_check, moved
 * aside and replaced by a fresh catalog; play history and likes come back from the online backup copy.
 */
class CatalogHealthTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T01:30:00Z"), ZoneOffset.UTC);
    @TempDir
    Path dir;

    @Test
    void aHealthyOrNewCatalogOpensWithoutANotice() {
        Path file = dir.resolve("catalog.db");
        try (Catalog catalog = CatalogHealth.open(file, dir.resolve("backup.db"), CLOCK).catalog()) {
            catalog.upsert(CatalogTest.entry("u1", "A", 0.1, 0.1));
        }
        CatalogHealth.Opened again = CatalogHealth.open(file, dir.resolve("backup.db"), CLOCK);
        try (Catalog catalog = again.catalog()) {
            assertThat(again.notice()).isEmpty();
            assertThat(catalog.trackCount()).isEqualTo(1);
        }
    }

    @Test
    void aZeroByteCatalogIsDamagedNotNew() throws Exception {
        Path file = Files.createFile(dir.resolve("catalog.db"));
        CatalogHealth.Opened opened = CatalogHealth.open(file, dir.resolve("backup.db"), CLOCK);
        try (Catalog catalog = opened.catalog()) {
            assertThat(opened.notice()).hasValueSatisfying(n -> assertThat(n).contains("0 bytes", "moved aside",
                    "no usable backup"));
            assertThat(dir.resolve("catalog.db.corrupt-20261207T013000Z")).exists().isEmptyFile();
            assertThat(catalog.trackCount()).isZero();
        }
    }

    @Test
    void corruptPagesAreFoundMovedAsideAndTheHistoryComesBackFromTheBackup() throws Exception {
        Path file = dir.resolve("catalog.db");
        Path backup = dir.resolve(CatalogBackup.FILE_NAME);
        try (Catalog catalog = Catalog.open(file)) {
            for (int i = 0; i < 300; i++) {
                catalog.upsert(CatalogTest.entry("u" + i, "Artist " + i, 0.1, 0.1));
            }
            long liked = catalog.trackByUri("u7").orElseThrow().id();
            catalog.recordPlay(liked, "happy", null);
            catalog.judgeLatestPlay(liked, 1);
            catalog.recordPlay(catalog.trackByUri("u8").orElseThrow().id(), "sad", -1);
            CatalogBackup.backUp(file, backup); // online, while the catalog is open
        }
        assertThat(CatalogHealth.problem(backup)).isEmpty();
        damagePagesAfterTheFirstTwo(file);
        assertThat(CatalogHealth.problem(file)).isPresent();

        CatalogHealth.Opened opened = CatalogHealth.open(file, backup, CLOCK);
        try (Catalog catalog = opened.catalog()) {
            assertThat(opened.notice()).hasValueSatisfying(n -> assertThat(n).contains("damaged", "moved aside",
                    "backup"));
            assertThat(opened.restoreFrom()).contains(backup);
            assertThat(dir.resolve("catalog.db.corrupt-20261207T013000Z")).exists();
            assertThat(catalog.trackCount()).as("a fresh catalog").isZero();

            // The library scan puts the tracks back (new ids), then the history follows them by URI.
            for (int i = 299; i >= 0; i--) {
                catalog.upsert(CatalogTest.entry("u" + i, "Artist " + i, 0.1, 0.1));
            }
            assertThat(CatalogHealth.restoreHistory(catalog, backup)).isEqualTo(2);
            List<PlayTally> tallies = catalog.playTallies();
            long u7 = catalog.trackByUri("u7").orElseThrow().id();
            long u8 = catalog.trackByUri("u8").orElseThrow().id();
            assertThat(tallies).anySatisfy(t -> {
                assertThat(t.trackId()).isEqualTo(u7);
                assertThat(t.likes()).isEqualTo(1);
            });
            assertThat(tallies).anySatisfy(t -> {
                assertThat(t.trackId()).isEqualTo(u8);
                assertThat(t.skips()).isEqualTo(1);
            });
            assertThat(CatalogHealth.restoreHistory(catalog, backup)).as("restoring twice adds nothing").isZero();
        }
    }

    @Test
    void aFileThatIsNotSqliteIsDamagedToo() throws Exception {
        Path file = Files.writeString(dir.resolve("catalog.db"), "this is not a database, it is a shopping list");
        CatalogHealth.Opened opened = CatalogHealth.open(file, dir.resolve("backup.db"), CLOCK);
        try (Catalog catalog = opened.catalog()) {
            assertThat(opened.notice()).isPresent();
            assertThat(catalog.trackCount()).isZero();
        }
    }

    private static void damagePagesAfterTheFirstTwo(Path file) throws Exception {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            byte[] garbage = new byte[4096];
            Arrays.fill(garbage, (byte) 0xAB);
            for (long at = 2 * 4096; at + 4096 <= raf.length(); at += 3 * 4096) {
                raf.seek(at);
                raf.write(garbage);
            }
        }
    }
}
