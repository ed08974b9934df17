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
}
