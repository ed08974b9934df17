package org.moodbox.catalog.scan;
import org.moodbox.model.SourceKind;
import org.moodbox.model.Track;
import org.moodbox.catalog.FlacPicture;

import org.moodbox.catalog.Catalog;
import org.moodbox.catalog.TestAudio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibraryScannerTest {
    @TempDir
    Path dir;
    Path music;
    Catalog catalog;

    @BeforeEach
    void setUp() throws Exception {
        music = Files.createDirectories(dir.resolve("music/album"));
        catalog = Catalog.open(dir.resolve("catalog.db"));
    }

    @org.junit.jupiter.api.AfterEach
    void tearDown() {
        catalog.close();
    }

    @Test
    void readsTagsDurationCoverAndFeatures() throws Exception {
        Path flac = TestAudio.write(music.resolve("drums.flac"), TestAudio.clicks(4, 150, 0.9), Map.of(
                "title", "Drum Song", "artist", "The Testers", "album", "Fixtures", "date", "2019-05-01",
                "genre", "Rock; Test", "language", "deu",
                "license", "https://creativecommons.org/licenses/by/4.0/"));
        byte[] png = png();
        FlacPicture.embed(flac, png, "image/png");
        TestAudio.write(music.resolve("hum.wav"), TestAudio.tones(3, 0.03, 220),
                Map.of("title", "Quiet Hum", "artist", "Sine Ensemble"));

        ScanReport report = new LibraryScanner(catalog, 60).scan(List.of(dir.resolve("music")), ScanProgress.SILENT);

        assertThat(report.failures()).isEmpty();
        assertThat(report.added()).isEqualTo(2);
        Track drums = catalog.trackByUri(flac.toUri().toString()).orElseThrow();
        assertThat(drums.source()).isEqualTo(SourceKind.LOCAL);
        assertThat(drums.title()).isEqualTo("Drum Song");
        assertThat(drums.artist()).isEqualTo("The Testers");
        assertThat(drums.album()).isEqualTo("Fixtures");
        assertThat(drums.year()).isEqualTo(2019);
        assertThat(drums.language()).isEqualTo("de");
        assertThat(drums.attribution()).isEqualTo("The Testers, CC BY 4.0");
        assertThat(drums.durationSeconds()).isCloseTo(4.0, within(0.1));
        assertThat(drums.hasArtwork()).isTrue();
        assertThat(catalog.artwork(drums.id())).hasValueSatisfying(a -> {
            assertThat(a.mimeType()).isEqualTo("image/png");
            assertThat(a.data()).isEqualTo(png);
        });
        Track hum = catalog.allTracks().stream().filter(t -> t.title().equals("Quiet Hum")).findFirst().orElseThrow();
        assertThat(hum.artist()).isEqualTo("Sine Ensemble");
        assertThat(hum.language()).as("no language tag and not a known instrumental collection: unknown").isNull();
        assertThat(hum.hasArtwork()).isFalse();
        assertThat(hum.durationSeconds()).isCloseTo(3.0, within(0.1));
        assertThat(drums.features().provenance()).isEqualTo("measured");
        assertThat(drums.features().energy()).isGreaterThan(hum.features().energy());
        assertThat(report.realtimeFactor()).isPositive();
    }

    @Test
    void reportsBrokenFilesAndKeepsGoing() throws Exception {
        TestAudio.write(music.resolve("a.wav"), TestAudio.tones(2, 0.1, 440), Map.of("title", "Good A"));
        Path good = TestAudio.write(music.resolve("b.flac"), TestAudio.tones(2, 0.1, 330), Map.of("title", "Good B"));
        Files.write(music.resolve("garbage.mp3"), "definitely not an mp3 ".repeat(200).getBytes());
        byte[] flac = Files.readAllBytes(good);
        Files.write(music.resolve("truncated.flac"), Arrays.copyOf(flac, 60));
        Files.writeString(music.resolve("notes.txt"), "not audio, not even looked at");

        ScanReport report = new LibraryScanner(catalog, 60).scan(List.of(dir.resolve("music")), ScanProgress.SILENT);

        assertThat(report.found()).isEqualTo(4);
        assertThat(report.added()).isEqualTo(2);
        assertThat(report.failures()).hasSize(2);
        assertThat(report.failures()).anySatisfy(f -> assertThat(f).contains("garbage.mp3"));
        assertThat(report.failures()).anySatisfy(f -> assertThat(f).contains("truncated.flac"));
        assertThat(catalog.allTracks()).extracting(Track::title).containsExactlyInAnyOrder("Good A", "Good B");
    }

    @Test
    void rescanSkipsUnchangedFilesAndRereadsChangedOnes() throws Exception {
        Path a = TestAudio.write(music.resolve("a.wav"), TestAudio.tones(2, 0.1, 440), Map.of("title", "First"));
        TestAudio.write(music.resolve("b.wav"), TestAudio.tones(2, 0.1, 330), Map.of("title", "Other"));
        LibraryScanner scanner = new LibraryScanner(catalog, 60);
        assertThat(scanner.scan(List.of(music), ScanProgress.SILENT).added()).isEqualTo(2);

        ScanReport again = scanner.scan(List.of(music), ScanProgress.SILENT);
        assertThat(again.unchanged()).isEqualTo(2);
        assertThat(again.added() + again.updated()).isZero();

        TestAudio.write(a, TestAudio.tones(3, 0.1, 440), Map.of("title", "Second"));
        Files.setLastModifiedTime(a, FileTime.fromMillis(System.currentTimeMillis() + 5000));
        ScanReport changed = scanner.scan(List.of(music), ScanProgress.SILENT);
        assertThat(changed.updated()).isEqualTo(1);
        assertThat(changed.unchanged()).isEqualTo(1);
        assertThat(catalog.trackCount()).isEqualTo(2);
        assertThat(catalog.trackByUri(a.toUri().toString()).orElseThrow().title()).isEqualTo("Second");

        Files.delete(a);
        ScanReport afterDelete = scanner.scan(List.of(music), ScanProgress.SILENT);
        assertThat(afterDelete.missing()).containsExactly(a.toUri().toString());
        assertThat(catalog.trackCount()).as("kept: the folder may just be unplugged").isEqualTo(2);
    }

    @Test
    void aMissingFolderIsReportedNotFatal() {
        ScanReport report = new LibraryScanner(catalog, 60)
                .scan(List.of(dir.resolve("nowhere")), ScanProgress.SILENT);
        assertThat(report.failures()).singleElement().asString().contains("no such file or folder");
    }

    private static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, 0xff8800);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
