package org.moodbox.catalog;

import org.moodbox.catalog.importer.FeatureTableImporterTest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.moodbox.Moodbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code moodbox library scan} and {@code moodbox catalog import} through the real command line. */
class CatalogCommandsTest {
    @TempDir
    Path dir;

    record Run(int exitCode, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Moodbox.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void libraryScanReportsFilesSpeedAndSkips() throws Exception {
        Path music = Files.createDirectories(dir.resolve("music"));
        TestAudio.write(music.resolve("one.wav"), TestAudio.tones(2, 0.2, 440), Map.of("title", "One"));
        Files.writeString(music.resolve("bad.ogg"), "not ogg at all".repeat(50));
        Path data = dir.resolve("data");

        Run first = run("library", "scan", music.toString(), "--data", data.toString());
        assertThat(first.exitCode()).as(first.err()).isEqualTo(2);
        assertThat(first.out()).contains("2 audio files: 1 added, 0 updated, 0 unchanged, 1 skipped")
                .containsPattern("\\d+x real time");
        assertThat(first.err()).contains("scanning 2/2 100%").contains("skipped: ").contains("bad.ogg");
        assertThat(Files.exists(data.resolve("catalog.db"))).isTrue();

        Run second = run("library", "scan", music.toString(), "--data", data.toString());
        assertThat(second.out()).contains("1 unchanged").contains("nothing new to read");
    }

    @Test
    void catalogImportReportsSkippedLines() throws Exception {
        Path csv = Files.writeString(dir.resolve("t.csv"), FeatureTableImporterTest.HEADER
                + FeatureTableImporterTest.row(1, "Good", "0.5", "0.5")
                + FeatureTableImporterTest.row(2, "Bad", "x", "0.5"));
        Run run = run("catalog", "import", csv.toString(), "--data", dir.resolve("data").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).contains("2 rows: imported 1 tracks (0 repeated ids").contains("skipped 1 rows");
        assertThat(run.err()).contains("skipped line 3: valence 'x' is not a number");

        Run badMap = run("catalog", "import", csv.toString(), "--map", "nonsense", "--data", dir.resolve("data").toString());
        assertThat(badMap.exitCode()).isEqualTo(1);
        assertThat(badMap.err()).contains("--map expects field=column");
    }

    @Test
    void aCorruptCatalogFileIsAOneLineError() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("catalog.db"), "garbage ".repeat(100));
        Run run = run("library", "scan", dir.toString(), "--data", data.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("moodbox: catalog ").contains("is not an SQLite database");
    }
}
