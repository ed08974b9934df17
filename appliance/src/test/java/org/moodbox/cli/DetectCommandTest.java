package org.moodbox.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moodbox.Moodbox;
import org.moodbox.models.ModelFiles;
import picocli.CommandLine;

/** {@code moodbox detect} as a person runs it, on the six sample photos and on files that are not images. */
class DetectCommandTest {
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void printsOneJsonObjectPerPhotoWithEveryFaceField() throws Exception {
        List<String> args = new ArrayList<>(List.of("detect"));
        for (int i = 1; i <= ModelFiles.SAMPLE_COUNT; i++) {
            Path photo = dir.resolve("sample" + i + ".jpg");
            Files.write(photo, ModelFiles.bytes(ModelFiles.samplePhoto(i)));
            args.add(photo.toString());
        }
        StringWriter out = new StringWriter();
        int exit = run(out, args.toArray(String[]::new));

        assertThat(exit).isZero();
        List<JsonNode> lines = out.toString().lines().map(this::parse).toList();
        assertThat(lines).hasSize(ModelFiles.SAMPLE_COUNT);
        int faces = 0;
        for (JsonNode line : lines) {
            assertThat(line.get("ms").fieldNames()).toIterable()
                    .containsExactly("decode", "detect", "align", "classify", "total");
            for (JsonNode face : line.get("faces")) {
                assertThat(face.get("box").get("w").asDouble()).isPositive();
                assertThat(face.get("score").asDouble()).isBetween(0.5, 1.0); // the default BlazeFace keeps scores >= 0.5
                assertThat(face.get("landmarks")).hasSize(5);
                assertThat(face.get("probabilities")).hasSize(7);
                assertThat(face.get("probabilities").has(face.get("emotion").asText())).isTrue();
                faces++;
            }
        }
        assertThat(faces).isBetween(21, 22);
    }

    @Test
    void unreadableFilesGetAnErrorLineAndExitCodeTwo() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.jpg"), "not a jpeg");
        Path missing = dir.resolve("missing.png");
        StringWriter out = new StringWriter();
        int exit = run(out, "detect", text.toString(), missing.toString());

        assertThat(exit).isEqualTo(2);
        List<JsonNode> lines = out.toString().lines().map(this::parse).toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("error").asText()).isEqualTo("not a readable image");
        assertThat(lines.get(1).get("error").asText()).isEqualTo("cannot read file");
    }

    @Test
    void blazeFaceAndOurDcnnAreChosenWithTheirOptions() throws Exception {
        Path photo = dir.resolve("sample1.jpg");
        Files.write(photo, ModelFiles.bytes(ModelFiles.samplePhoto(1)));
        StringWriter out = new StringWriter();
        int exit = run(out, "detect", "--detector", "blazeface-full", "--emotion-model", "dcnn", photo.toString());

        assertThat(exit).isZero();
        JsonNode line = parse(out.toString().strip());
        assertThat(line.get("faces")).hasSize(3);
        for (JsonNode face : line.get("faces")) {
            assertThat(face.get("landmarks")).hasSize(5);
            assertThat(face.get("probabilities")).hasSize(7);
        }

        StringWriter err = new StringWriter();
        CommandLine cli = Moodbox.commandLine();
        cli.setErr(new PrintWriter(err, true));
        assertThat(cli.execute("detect", "--emotion-model", "vgg", photo.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("unknown emotion model 'vgg'; choose one of cnn, cnn-int8, dcnn, dcnn-float, dcnn-votes, dcnn-votes-float, dcnn-votes-flip, compact, compact-float, fnet");
    }

    @Test
    void anUnknownDetectorIsAUsageErrorThatNamesTheChoices() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Moodbox.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute("detect", "--detector", "yolo", "x.jpg");

        assertThat(exit).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).contains("unknown detector 'yolo'; choose one of mtcnn, mtcnn-int8, blazeface-full, blazeface-short");
    }

    private static int run(StringWriter out, String... args) {
        CommandLine cli = Moodbox.commandLine();
        cli.setOut(new PrintWriter(out, true));
        return cli.execute(args);
    }

    private JsonNode parse(String line) {
        try {
            return json.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
