package org.moodbox.recommend;

import org.moodbox.model.SourceKind;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.moodbox.Moodbox;
import org.moodbox.catalog.Catalog;
import org.moodbox.catalog.CatalogEntry;
import org.moodbox.model.Features;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code moodbox recommend} through the real command line over a real catalog file. */
class RecommendCommandTest {
    @TempDir
    Path dir;
    Path data;

    @BeforeEach
    void catalog() {
        data = dir.resolve("data");
        try (Catalog catalog = Catalog.open(data.resolve("catalog.db"))) {
            int n = 0;
            for (int v = 0; v < 6; v++) {
                for (int e = 0; e < 6; e++) {
                    n++;
                    catalog.upsert(new CatalogEntry(SourceKind.IMPORT, "spotify:track:" + n, "Song " + n, "Artist " + (n % 4),
                            null, null, n % 3 == 0 ? "es" : "en", List.of(), 200, false, null, null,
                            new Features(v / 5.0, e / 5.0, 100.0, "imported"), null, null));
                }
            }
        }
    }

    private String[] run(int expectedCode, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Moodbox.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--data", data.toString()));
        assertThat(cli.execute(all.toArray(String[]::new))).as(err.toString()).isEqualTo(expectedCode);
        return new String[] {out.toString(), err.toString()};
    }

    @Test
    void printsOneJsonObjectPerRecommendation() throws Exception {
        String out = run(0, "recommend", "--emotion", "happy", "--limit", "4", "--strategy", "match")[0];
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.strip().split("\n")) {
            lines.add(new ObjectMapper().readTree(line));
        }
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0).get("rank").asInt()).isEqualTo(1);
        assertThat(lines.get(0).get("valence").asDouble()).isGreaterThanOrEqualTo(0.8);
        assertThat(lines.get(0).get("reason").asText()).endsWith("to match your happy mood");
        assertThat(lines).allSatisfy(j -> assertThat(j.get("uri").asText()).startsWith("spotify:track:"));
        for (int i = 1; i < lines.size(); i++) {
            assertThat(lines.get(i).get("artist").asText()).isNotEqualTo(lines.get(i - 1).get("artist").asText());
        }
    }

    @Test
    void languageAndArtistFilters() throws Exception {
        String spanish = run(0, "recommend", "--emotion", "sad", "--language", "es")[0];
        for (String line : spanish.strip().split("\n")) {
            assertThat(new ObjectMapper().readTree(line).get("language").asText()).isEqualTo("es");
        }
        String artist = run(0, "recommend", "--emotion", "angry", "--artist", "Artist 2", "--limit", "3")[0];
        assertThat(artist.strip().split("\n")).hasSize(3).allSatisfy(l -> assertThat(l).contains("\"artist\":\"Artist 2\""));
    }

    @Test
    void liftAndCalmStrategies() throws Exception {
        String[] lift = run(0, "recommend", "--emotion", "sad", "--strategy", "lift", "--lift-steps", "3", "--limit", "4")[0]
                .strip().split("\n");
        assertThat(new ObjectMapper().readTree(lift[0]).get("reason").asText()).endsWith("before moving toward content");
        assertThat(new ObjectMapper().readTree(lift[1]).get("reason").asText()).endsWith("a step from sad toward content");
        assertThat(new ObjectMapper().readTree(lift[3]).get("valence").asDouble())
                .isGreaterThan(new ObjectMapper().readTree(lift[0]).get("valence").asDouble());
        String calm = run(0, "recommend", "--emotion", "angry", "--strategy", "CALM", "--limit", "1")[0];
        assertThat(new ObjectMapper().readTree(calm.strip()).get("energy").asDouble()).isLessThanOrEqualTo(0.2);
        assertThat(new ObjectMapper().readTree(calm.strip()).get("perceivedArousal").asDouble()).isLessThanOrEqualTo(0.1);
        assertThat(calm).contains("to calm your angry mood");
    }

    @Test
    void clearErrorsForBadInput() {
        assertThat(run(1, "recommend", "--emotion", "joy")[1]).contains("unknown emotion 'joy'");
        assertThat(run(1, "recommend", "--emotion", "happy", "--strategy", "bogus")[1]).contains("unknown strategy 'bogus'");
        assertThat(run(1, "recommend", "--emotion", "happy", "--language", "fr")[1]).contains("no tracks to recommend");
    }
}
