package org.moodbox.catalog.scan;

import org.moodbox.catalog.Catalog;
import org.moodbox.catalog.TestAudio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scan the box starts once it serves (and the owner's rescans): real files, real decoding, a real SQLite
 * catalog. Shutting the box down mid-scan stops it between files and leaves the catalog whole.
 */
class BackgroundScanTest {
    private static final int FILES = 300;

    @TempDir
    Path dir;

    @Test
    void closingMidScanStopsBetweenFilesAndKeepsWhatWasStored() throws Exception {
        Path music = Files.createDirectories(dir.resolve("music"));
        Path first = TestAudio.write(music.resolve("track000.flac"), TestAudio.tones(1, 0.2, 440),
                Map.of("title", "Tone", "artist", "Generator"));
        for (int i = 1; i < FILES; i++) {
            Files.copy(first, music.resolve(String.format("track%03d.flac", i)));
        }
        Path db = dir.resolve("catalog.db");
        try (Catalog catalog = Catalog.open(db)) {
            BackgroundScan scan = new BackgroundScan(new LibraryScanner(catalog, 5), () -> List.of(music),
                    Clock.systemUTC());
            assertThat(scan.start()).isTrue();
            assertThat(scan.start()).as("one scan at a time").isFalse();
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (scan.status().done() < 5 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            long closing = System.nanoTime();
            scan.close();
            assertThat((System.nanoTime() - closing) / 1e9).as("seconds to stop").isLessThan(10);

            int stored = catalog.trackCount();
            assertThat(stored).as("tracks stored before the stop").isBetween(5, FILES - 1);
            assertThat(scan.status().running()).isFalse();
            assertThat(scan.start()).as("a closed scan starts no more").isFalse();
        }
        // The file is whole: it opens again, and a later scan picks up where the stopped one ended.
        try (Catalog again = Catalog.open(db)) {
            int before = again.trackCount();
            ScanReport rest = new LibraryScanner(again, 5).scan(List.of(music), (done, total, file) -> { });
            assertThat(rest.unchanged()).isEqualTo(before);
            assertThat(rest.added()).isEqualTo(FILES - before);
            assertThat(again.trackCount()).isEqualTo(FILES);
        }
    }
}
