package org.moodbox.catalog.scan;

import org.moodbox.catalog.Catalog;
import org.moodbox.catalog.FfmpegCli;
import org.moodbox.catalog.TestAudio;
import org.moodbox.model.Track;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Real MP3, OGG, FLAC and M4A files, tagged and given cover art by FFmpeg, read through the tag library. */
class TagLibraryScanTest {
    @TempDir
    Path dir;
    Path music;
    Path wav;
    Path cover;
    byte[] png;
    Catalog catalog;

    @BeforeEach
    void setUp() throws Exception {
        music = Files.createDirectories(dir.resolve("music"));
        wav = TestAudio.write(dir.resolve("source.wav"), TestAudio.clicks(3, 120, 0.6), Map.of());
        png = png(0x3366cc);
        cover = Files.write(dir.resolve("cover.png"), png);
        catalog = Catalog.open(dir.resolve("catalog.db"));
    }

    @AfterEach
    void tearDown() {
        catalog.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"mp3", "ogg", "flac", "m4a"})
    void tagsAndCoverOfEachFormatReachTheCatalog(String ext) throws Exception {
        Path file = FfmpegCli.encode(wav, music.resolve("song." + ext), Map.of(
                "title", "Nachtfahrt " + ext, "artist", "Die Prüfer", "album", "Formate", "date", "2017",
                "genre", "Schlager", "language", "deu"), cover);

        TagReader.FileTags direct = TagReader.read(file);
        assertThat(direct.tags()).as("the tag library itself reads " + ext)
                .containsEntry("title", "Nachtfahrt " + ext).containsEntry("artist", "Die Prüfer");
        assertThat(direct.artwork()).as("cover read by the tag library from " + ext).isNotNull();
        assertThat(direct.artwork().data()).isEqualTo(png);

        ScanReport report = new LibraryScanner(catalog, 60).scan(List.of(music), ScanProgress.SILENT);

        assertThat(report.failures()).isEmpty();
        Track t = catalog.trackByUri(file.toUri().toString()).orElseThrow();
        assertThat(t.title()).isEqualTo("Nachtfahrt " + ext);
        assertThat(t.artist()).isEqualTo("Die Prüfer");
        assertThat(t.album()).isEqualTo("Formate");
        assertThat(t.year()).isEqualTo(2017);
        assertThat(t.language()).isEqualTo("de");
        assertThat(catalog.languageSource(t.id())).hasValue("tag");
        assertThat(t.durationSeconds()).isBetween(2.8, 3.3);
        assertThat(catalog.artwork(t.id())).hasValueSatisfying(a -> {
            assertThat(a.mimeType()).isEqualTo("image/png");
            assertThat(a.data()).isEqualTo(png);
        });
        assertThat(t.features()).isNotNull();
    }

    @Test
    void withoutALanguageTagTheTitleScriptOrTheGenreDecides() throws Exception {
        FfmpegCli.encode(wav, music.resolve("a.mp3"), Map.of("title", "봄날", "artist", "Seoul Band"), null);
        FfmpegCli.encode(wav, music.resolve("b.flac"), Map.of("title", "Despacito Remix", "artist", "Someone",
                "genre", "Reggaeton"), null);
        FfmpegCli.encode(wav, music.resolve("c.ogg"), Map.of("title", "Plain Title", "artist", "Nobody"), null);
        FfmpegCli.encode(wav, music.resolve("d.m4a"), Map.of("title", "Theme", "artist", "Band",
                "genre", "Instrumental"), null);

        new LibraryScanner(catalog, 60).scan(List.of(music), ScanProgress.SILENT);

        assertThat(language("a.mp3")).isEqualTo("ko");
        assertThat(language("b.flac")).isEqualTo("es");
        assertThat(language("c.ogg")).as("Latin script with nothing telling: unknown").isNull();
        assertThat(language("d.m4a")).isEqualTo("instrumental");
        Track korean = catalog.trackByUri(music.resolve("a.mp3").toUri().toString()).orElseThrow();
        assertThat(catalog.languageSource(korean.id())).hasValue("title-script");
    }

    @Test
    void aBrokenFileOfEachFormatIsReportedAndTheScanGoesOn() throws Exception {
        Path good = FfmpegCli.encode(wav, music.resolve("good.mp3"), Map.of("title", "Still Here"), cover);
        for (String ext : List.of("mp3", "ogg", "flac", "m4a")) {
            Path real = FfmpegCli.encode(wav, dir.resolve("whole." + ext), Map.of("title", "x"), null);
            byte[] bytes = Files.readAllBytes(real);
            // Header kept, body torn off and overwritten: what a failed copy leaves behind.
            byte[] broken = new byte[Math.min(bytes.length, 600)];
            System.arraycopy(bytes, 0, broken, 0, Math.min(bytes.length, 64));
            Files.write(music.resolve("broken." + ext), broken);
        }
        Files.write(music.resolve("empty.ogg"), new byte[0]);

        ScanReport report = new LibraryScanner(catalog, 60).scan(List.of(music), ScanProgress.SILENT);

        assertThat(catalog.trackByUri(good.toUri().toString())).isPresent();
        assertThat(report.failures()).anyMatch(f -> f.contains("empty.ogg"));
        assertThat(report.failures()).allMatch(f -> f.contains("broken.") || f.contains("empty.ogg"));
        for (String failure : report.failures()) {
            String name = failure.substring(failure.lastIndexOf('/') + 1, failure.indexOf(':'));
            assertThat(catalog.allTracks()).noneMatch(t -> t.uri().endsWith(name));
        }
        assertThat(report.added() + report.failures().size()).isEqualTo(report.found());
    }

    @Test
    void tagsTheTagLibraryCannotParseFallBackToFfmpegs() throws Exception {
        Path file = FfmpegCli.encode(wav, music.resolve("odd.mp3"), Map.of("title", "Survivor", "artist", "FF"), null);
        byte[] bytes = Files.readAllBytes(file);
        assertThat(new String(bytes, 0, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("ID3");
        bytes[3] = 9; // an ID3v2 major version that does not exist: the tag library refuses the tag
        Files.write(file, bytes);

        ScanReport report = new LibraryScanner(catalog, 60).scan(List.of(music), ScanProgress.SILENT);

        assertThat(report.failures()).isEmpty();
        assertThat(catalog.trackByUri(file.toUri().toString())).isPresent();
    }

    private String language(String name) {
        return catalog.trackByUri(music.resolve(name).toUri().toString()).orElseThrow().language();
    }

    static byte[] png(int rgb) throws Exception {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, rgb);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
