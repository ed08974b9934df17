package org.moodbox.catalog.importer;

import org.moodbox.model.SourceKind;
import org.moodbox.catalog.Catalog;
import org.moodbox.catalog.CatalogException;
import org.moodbox.catalog.CatalogTest;
import org.moodbox.model.Features;
import org.moodbox.model.Track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class FeatureTableImporterTest {
    public static final String HEADER = "track_id,track_name,track_artist,track_album_name,track_album_release_date,"
            + "playlist_genres,valence,energy,tempo,mode,duration_ms,script_lang_hint\n";

    @TempDir
    Path dir;
    Catalog catalog;

    @BeforeEach
    void open() {
        catalog = Catalog.open(dir.resolve("catalog.db"));
    }

    @AfterEach
    void close() {
        catalog.close();
    }

    static String id(int n) {
        return String.format("%022d", n).replace('0', 'A').substring(0, 18) + String.format("%04d", n);
    }

    public static String row(int n, String title, String valence, String energy) {
        return id(n) + "," + title + ",Artist " + n + ",Album,2019-06-14,pop|edm," + valence + "," + energy
                + ",120.5,1,200000,\n";
    }

    @Test
    void importsGoodRowsAndReportsMalformedOnesByLine() throws Exception {
        String csv = HEADER
                + row(1, "Plain", "0.5", "0.6")                                  // line 2
                + row(2, "\"Comma, and \"\"quotes\"\"\"", "0.1", "0.9")          // line 3
                + row(3, "\"Two\nlines\"", "0.7", "0.2")                         // lines 4-5
                + row(4, "Bad valence", "high", "0.5")                           // line 6
                + row(5, "Out of range", "1.5", "0.5")                           // line 7
                + "short,row\n"                                                  // line 8
                + row(6, "NA", "0.5", "0.5")                                     // line 9: R's missing value
                + "not-an-id,T,A,Al,2019,pop,0.5,0.5,120,1,1000,\n"              // line 10
                + id(7) + ",Russian,Artist,Al,1999,rock,0.3,0.4,90,0,1000,ru\n"; // line 11
        Path file = Files.writeString(dir.resolve("table.csv"), csv);

        ImportReport report = new FeatureTableImporter(catalog).importFile(file, ColumnMapping.defaultMapping());

        assertThat(report.imported()).isEqualTo(4);
        assertThat(report.skipped()).containsExactly(
                "line 6: valence 'high' is not a number",
                "line 7: valence 1.5 is outside 0..1",
                "line 8: expected 12 fields, found 2",
                "line 9: no title",
                "line 10: id 'not-an-id' is not a 22-character Spotify track id");
        Track comma = catalog.trackByUri("spotify:track:" + id(2)).orElseThrow();
        assertThat(comma.title()).isEqualTo("Comma, and \"quotes\"");
        assertThat(comma.source()).isEqualTo(SourceKind.IMPORT);
        assertThat(comma.year()).isEqualTo(2019);
        assertThat(comma.durationSeconds()).isEqualTo(200.0);
        assertThat(comma.features()).isEqualTo(new Features(0.1, 0.9, 120.5, "imported", 1, null, null, null));
        assertThat(catalog.trackByUri("spotify:track:" + id(3)).orElseThrow().title()).isEqualTo("Two\nlines");
        assertThat(catalog.trackByUri("spotify:track:" + id(7)).orElseThrow().language()).isEqualTo("ru");
        assertThat(comma.language()).as("an empty script hint says nothing about the language").isNull();
    }

    /** The count said is the count stored: a repeated id replaces its earlier row and is named by line. */
    @Test
    void reportsRepeatedIdsAndRowsWithoutFeatures() throws Exception {
        String csv = HEADER
                + row(1, "First take", "0.2", "0.3")     // line 2
                + row(2, "Other", "0.5", "0.5")          // line 3
                + row(1, "Second take", "0.8", "0.9")    // line 4: same id as line 2
                + row(3, "Unmeasured", "", "")           // line 5: no features at all
                + row(4, "Half", "0.4", "")              // line 6: valence without energy is malformed
                + row(2, "Other again", "0.6", "0.6");   // line 7
        Path file = Files.writeString(dir.resolve("dups.csv"), csv);

        ImportReport report = new FeatureTableImporter(catalog).importFile(file, ColumnMapping.defaultMapping());

        assertThat(report.rows()).isEqualTo(6);
        assertThat(report.imported()).isEqualTo(catalog.trackCount()).isEqualTo(3);
        assertThat(report.repeatedIds()).containsExactly(
                "line 4: id " + id(1) + " repeats line 2", "line 7: id " + id(2) + " repeats line 3");
        assertThat(report.withoutFeatures()).isEqualTo(1);
        assertThat(report.skipped()).containsExactly("line 6: no energy");
        assertThat(catalog.trackByUri("spotify:track:" + id(4))).as("a bad row writes nothing").isEmpty();
        Track kept = catalog.trackByUri("spotify:track:" + id(1)).orElseThrow();
        assertThat(kept.title()).isEqualTo("Second take");
        assertThat(kept.features().valence()).isEqualTo(0.8);
        assertThat(catalog.trackByUri("spotify:track:" + id(3)).orElseThrow().features()).isNull();
        assertThat(report.summary()).startsWith("6 rows: imported 3 tracks (2 repeated ids");
    }

    @Test
    void readsTheCuesOfThePerceivedMoodModel() throws Exception {
        Path file = Files.writeString(dir.resolve("cues.csv"),
                "track_id,track_name,valence,energy,mode,loudness,acousticness,danceability\n"
                        + id(1) + ",Loud,0.4,0.9,0,-4.5,0.01,0.7\n"
                        + id(2) + ",Too loud,0.4,0.9,0,45,0.01,0.7\n");
        ImportReport report = new FeatureTableImporter(catalog).importFile(file, ColumnMapping.defaultMapping());
        assertThat(report.skipped()).containsExactly("line 3: loudness 45.0 dB is not plausible");
        assertThat(catalog.trackByUri("spotify:track:" + id(1)).orElseThrow().features())
                .isEqualTo(new Features(0.4, 0.9, null, "imported", 0, -4.5, 0.01, 0.7));
    }

    @Test
    void aFileThatBreaksOffMidwayImportsNothing() throws Exception {
        catalog.upsert(CatalogTest.entry("file:///already/there.ogg", "Someone", 0.5, 0.5));
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 5000; i++) {
            csv.append(row(i, "Song " + i, "0.5", "0.5"));
        }
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(gz)) {
            out.write(csv.toString().getBytes(StandardCharsets.UTF_8));
        }
        byte[] whole = gz.toByteArray();
        Path truncated = Files.write(dir.resolve("table.csv.gz"), Arrays.copyOf(whole, whole.length * 2 / 3));

        assertThatThrownBy(() -> new FeatureTableImporter(catalog).importFile(truncated, ColumnMapping.defaultMapping()))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("nothing was imported");
        assertThat(catalog.allTracks()).extracting(Track::uri).containsExactly("file:///already/there.ogg");

        Path complete = Files.write(dir.resolve("complete.csv.gz"), whole);
        assertThat(new FeatureTableImporter(catalog).importFile(complete, ColumnMapping.defaultMapping()).imported())
                .isEqualTo(5000);
    }

    /** Before: the one row was skipped, and with it, unsaid, every row after it (all read as one quoted field). */
    @Test
    void aQuoteThatIsNeverClosedImportsNothingAndNamesItsLine() throws Exception {
        catalog.upsert(CatalogTest.entry("file:///already/there.ogg", "Someone", 0.5, 0.5));
        String csv = HEADER
                + row(1, "Fine", "0.5", "0.6")                 // line 2
                + row(2, "Also fine", "0.4", "0.6")            // line 3
                + row(3, "\"12\" Remix", "0.3", "0.6")          // line 4: the quote closes after 12
                + row(4, "\"Unclosed, title", "0.5", "0.6")    // line 5: the quote never closes
                + row(5, "Swallowed", "0.5", "0.6")            // line 6
                + row(6, "Swallowed too", "0.5", "0.6");       // line 7
        Path file = Files.writeString(dir.resolve("table.csv"), csv);

        assertThatThrownBy(() -> new FeatureTableImporter(catalog).importFile(file, ColumnMapping.defaultMapping()))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining(file + " line 5: a quoted field opens there and is never closed")
                .hasMessageContaining("nothing was imported");
        assertThat(catalog.allTracks()).extracting(Track::uri).containsExactly("file:///already/there.ogg");
    }

    @Test
    void aFileWithWindowsLineEndingsImportsExactlyLikeItsUnixTwin() throws Exception {
        String csv = HEADER
                + row(1, "Plain", "0.5", "0.6")                           // line 2
                + row(2, "\"Two\nlines\"", "0.7", "0.2")                   // lines 3-4
                + row(3, "Bad valence", "high", "0.5")                    // line 5
                + id(4) + ",Russian,Artist,Al,1999,rock,0.3,0.4,90,0,1000,ru\n"; // line 6: last field 'ru'
        Path unix = Files.writeString(dir.resolve("unix.csv"), csv);
        Path windows = Files.writeString(dir.resolve("windows.csv"), csv.replace("\n", "\r\n"));
        assertThat(Files.readString(windows)).contains("\r\n").doesNotContain("\r\r");

        ImportReport fromUnix = new FeatureTableImporter(catalog).importFile(unix, ColumnMapping.defaultMapping());
        try (Catalog twin = Catalog.open(dir.resolve("twin.db"))) {
            ImportReport fromWindows = new FeatureTableImporter(twin).importFile(windows, ColumnMapping.defaultMapping());
            assertThat(fromWindows.imported()).isEqualTo(fromUnix.imported()).isEqualTo(3);
            assertThat(fromWindows.skipped()).isEqualTo(fromUnix.skipped())
                    .containsExactly("line 5: valence 'high' is not a number");
            assertThat(twin.allTracks()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("id")
                    .containsExactlyInAnyOrderElementsOf(catalog.allTracks());
            assertThat(twin.trackByUri("spotify:track:" + id(2)).orElseThrow().title()).isEqualTo("Two\nlines");
            assertThat(twin.trackByUri("spotify:track:" + id(4)).orElseThrow().language()).isEqualTo("ru");
        }
    }

    @Test
    void mapsOtherColumnNames() throws Exception {
        Path file = Files.writeString(dir.resolve("moods.csv"),
                "name,artist,id,valence,energy\nCalm Song,Someone," + id(9) + ",0.8,0.1\n");
        ColumnMapping mapping = ColumnMapping.withOverrides(List.of("title=name", "artist=artist", "id=id"));
        ImportReport report = new FeatureTableImporter(catalog).importFile(file, mapping);
        assertThat(report.skipped()).isEmpty();
        Track t = catalog.trackByUri("spotify:track:" + id(9)).orElseThrow();
        assertThat(t.title()).isEqualTo("Calm Song");
        assertThat(t.artist()).isEqualTo("Someone");
        assertThat(t.features().tempo()).isNull();
    }

    @Test
    void aMissingRequiredColumnIsAClearError() throws Exception {
        Path file = Files.writeString(dir.resolve("x.csv"), "track_id,track_name,energy\n" + id(1) + ",T,0.5\n");
        assertThatThrownBy(() -> new FeatureTableImporter(catalog).importFile(file, ColumnMapping.defaultMapping()))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("column 'valence' (for valence) is not in the header")
                .hasMessageContaining("--map valence=COLUMN");
        assertThatThrownBy(() -> ColumnMapping.withOverrides(List.of("colour=red")))
                .hasMessageContaining("unknown field 'colour'");
        assertThat(catalog.trackCount()).isZero();
    }
}
