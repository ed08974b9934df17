package org.moodbox.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.moodbox.Moodbox;
import org.moodbox.vision.DetectorKind;
import org.moodbox.vision.EmotionModelKind;
import picocli.CommandLine;

/** {@code moodbox bench vision} with tiny settings: the shape of its output, never its timings. */
class BenchVisionTest {
    @Test
    void tableAndJsonLineHaveEveryDetectorAndStage() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cli = Moodbox.commandLine(new ProcessEnvironment(java.util.Map.of()));
        cli.setOut(new PrintWriter(out, true));
        int exit = cli.execute("bench", "vision", "--frames", "2", "--warmup", "1");

        assertThat(exit).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(0)).startsWith("load average at start: ");
        assertThat(lines).anyMatch(l -> l.startsWith("load average at end: "));
        String header = lines.stream().filter(l -> l.startsWith("pipeline ")).findFirst().orElseThrow();
        for (String stage : BenchVision.STAGES) {
            assertThat(header).contains(stage);
        }
        assertThat(header).contains("p95 total", "faces", "IoU-match");
        assertThat(lines).anyMatch(l -> l.contains("MTCNN detect split: P-Net"));

        JsonNode figures = new ObjectMapper().readTree(lines.get(lines.size() - 1));
        assertThat(figures.get("frames").asInt()).isEqualTo(2);
        assertThat(figures.get("visibleFaces").asInt()).isEqualTo(22);
        // One pipeline per detector and emotion model, float and int8 side by side.
        for (DetectorKind kind : DetectorKind.values()) {
            for (EmotionModelKind model : EmotionModelKind.values()) {
                String label = kind.id() + " + " + model.id();
                assertThat(lines).anyMatch(l -> l.startsWith(label + " "));
                JsonNode d = figures.get("pipelines").get(label);
                assertThat(d).as(label).isNotNull();
                for (String stage : BenchVision.STAGES) {
                    assertThat(d.has(stage + "Ms")).as(label + " " + stage).isTrue();
                }
                assertThat(d.has("totalP95Ms")).isTrue();
                // From decoded pixels (how the peer is timed) is the total without our decode: never more.
                assertThat(d.get("fromPixelsMs").asDouble()).isLessThanOrEqualTo(d.get("totalMs").asDouble());
                assertThat(d.get("facesPerPhoto")).hasSize(6);
                assertThat(d.get("recall").asDouble()).isBetween(0.0, 1.0);
                assertThat(d.get("boxRecall").asDouble()).isBetween(0.0, 1.0);
            }
        }
        JsonNode mtcnn = figures.get("pipelines").get("mtcnn + cnn");
        assertThat(mtcnn.has("pnetMs") && mtcnn.has("rnetMs") && mtcnn.has("onetMs")).isTrue();
    }

    /**
     * {@code --video} on the clip's first two seconds with one small pipeline: the table, the ratios and the JSON line
     * whose CPU per second of video the README's figures come from, every figure present and in range.
     */
    @Test
    void videoTableAndJsonLineHaveBothModesAndTheirRatios() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cli = Moodbox.commandLine(new ProcessEnvironment(java.util.Map.of()));
        cli.setOut(new PrintWriter(out, true));
        int exit = cli.execute("bench", "vision", "--video", "--clip-seconds", "2", "--detectors", "blazeface-short",
                "--models", "cnn-int8");

        assertThat(exit).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).anyMatch(l -> l.startsWith("clip: 30 frames, 15 fps, 640x480"));
        assertThat(lines).anyMatch(l -> l.startsWith("blazeface-short + cnn-int8, every-frame "));
        assertThat(lines).anyMatch(l -> l.startsWith("blazeface-short + cnn-int8, tracked "));
        assertThat(lines).anyMatch(l -> l.matches("  [0-9.]+x less CPU than every frame; recall .*"));

        JsonNode figures = new ObjectMapper().readTree(lines.get(lines.size() - 1));
        assertThat(figures.at("/video/frames").asInt()).isEqualTo(30);
        JsonNode every = figures.at("/pipelines/blazeface-short + cnn-int8, every-frame");
        JsonNode tracked = figures.at("/pipelines/blazeface-short + cnn-int8, tracked");
        for (JsonNode d : List.of(every, tracked)) {
            assertThat(d.get("cpuMsPerVideoSecond").asDouble()).isPositive();
            assertThat(d.get("meanMs").asDouble()).isPositive();
            assertThat(d.get("p95Ms").asDouble()).isGreaterThanOrEqualTo(d.get("meanMs").asDouble() * 0.5);
            assertThat(d.get("recall").asDouble()).isBetween(0.0, 1.0);
            assertThat(d.get("visibleFaces").asInt()).isEqualTo(90); // three faces in view for 30 frames
        }
        assertThat(every.get("detectionsPerSecond").asDouble()).isEqualTo(15.0);
        assertThat(tracked.get("detectionsPerSecond").asDouble()).isLessThan(15.0);
        assertThat(tracked.get("emotionAgreement").asDouble()).isBetween(0.0, 1.0);
        assertThat(tracked.get("everyFrameCpuOverTracked").asDouble()).isPositive();
        assertThat(figures.has("peer")).as("no --peer, no peer").isFalse();
    }

    /** A clip length outside the clip is refused before anything runs, with the range in the message. */
    @Test
    void aClipLengthOutsideTheClipIsRefused() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Moodbox.commandLine(new ProcessEnvironment(java.util.Map.of()));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        for (String seconds : List.of("0", "31", "-2")) {
            int exit = cli.execute("bench", "vision", "--video", "--clip-seconds", seconds);
            assertThat(exit).as(seconds).isNotZero();
            assertThat(err.toString()).contains("--clip-seconds must be above 0 and at most 30.0");
        }
        assertThat(out.toString()).as("nothing ran").isEmpty();
    }
}
