package org.moodbox.catalog.scan;

import org.moodbox.catalog.Catalog;
import org.moodbox.catalog.importer.CsvReader;
import org.moodbox.catalog.SharedMusicData;
import org.moodbox.model.Track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scans the real demo music when Debian's singularity-music and wesnoth-1.16-music are installed
 * ({@code apt-get install singularity-music wesnoth-1.16-music}); skips with a message otherwise.
 */
class DebianMusicScanTest {
    static final Path SINGULARITY = Path.of("/usr/share/games/singularity");
    static final Path WESNOTH = Path.of("/usr/share/games/wesnoth");

    @TempDir
    Path dir;

    @Test
    void scansThe57DebianTracksWithDurationsAndAttribution() {
        assumeThat(Files.isDirectory(SINGULARITY) && Files.isDirectory(WESNOTH))
                .as("Debian demo music not installed: apt-get install singularity-music wesnoth-1.16-music")
                .isTrue();
        try (Catalog catalog = Catalog.open(dir.resolve("catalog.db"))) {
            ScanReport report = new LibraryScanner(catalog, 60).scan(List.of(SINGULARITY, WESNOTH), ScanProgress.SILENT);
            System.out.printf("Debian demo music: %d tracks, %.0f s of music in %.1f s = %.0fx real time%n",
                    report.added(), report.audioSeconds(), report.wallSeconds(), report.realtimeFactor());

            assertThat(report.failures()).isEmpty();
            List<Track> tracks = catalog.allTracks();
            assertThat(tracks).hasSize(57);
            assertThat(tracks).allSatisfy(t -> {
                assertThat(t.durationSeconds()).isGreaterThan(1);
                assertThat(t.title()).isNotBlank();
                assertThat(t.language()).isEqualTo("instrumental");
                assertThat(t.features()).isNotNull();
                assertThat(t.features().provenance()).isEqualTo("measured");
                assertThat(t.attribution()).containsAnyOf("Maxstack, CC BY-SA 3.0", "Battle for Wesnoth composers, GPL-2+");
            });
            assertThat(tracks).filteredOn(t -> "Maxstack".equals(t.artist())).hasSize(16);
            // The features must spread: a recommender cannot choose among 57 identical points.
            double minEnergy = tracks.stream().mapToDouble(t -> t.features().energy()).min().orElseThrow();
            double maxEnergy = tracks.stream().mapToDouble(t -> t.features().energy()).max().orElseThrow();
            assertThat(maxEnergy - minEnergy).isGreaterThan(0.2);
            crossCheckWithTheSharedTagList(tracks);
        }
    }

    /** Titles and durations against shared/data/music/debian_free_music_tags.csv, when that file is there. */
    private static void crossCheckWithTheSharedTagList(List<Track> tracks) {
        Path list = SharedMusicData.file("debian_free_music_tags.csv");
        if (!Files.isReadable(list)) {
            System.out.println("skipping the cross-check: " + list.toAbsolutePath() + " not found");
            return;
        }
        Map<String, Track> byFile = new HashMap<>();
        for (Track t : tracks) {
            String uri = t.uri();
            byFile.put(java.net.URLDecoder.decode(uri.substring(uri.lastIndexOf('/') + 1),
                    java.nio.charset.StandardCharsets.UTF_8), t);
        }
        try {
            CsvReader csv = new CsvReader(new StringReader(Files.readString(list)));
            List<String> header = csv.next().fields();
            int file = header.indexOf("file");
            int duration = header.indexOf("duration_s");
            int title = header.indexOf("title");
            int checked = 0;
            for (CsvReader.Row row; (row = csv.next()) != null; checked++) {
                Track t = byFile.get(row.fields().get(file));
                assertThat(t).as(row.fields().get(file)).isNotNull();
                String name = row.fields().get(file);
                String expectedTitle = row.fields().get(title).isEmpty()
                        ? name.substring(0, name.lastIndexOf('.')) // untagged: the file name stands in
                        : row.fields().get(title);
                assertThat(t.title()).isEqualTo(expectedTitle);
                assertThat(t.durationSeconds()).as(t.title())
                        .isCloseTo(Double.parseDouble(row.fields().get(duration)), org.assertj.core.api.Assertions.within(0.6));
            }
            assertThat(checked).isEqualTo(57);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
