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
import picocli.CommandLine;

/** {@code moodbox bench vision} with tiny settings: the shape of its output, never its timings. */
class BenchVisionTest {
    @Test
    void tableAndJsonLineHaveEveryDetectorAndStage() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new Moodbox());
        cli.setOut(new PrintWriter(out, true));
        int exit = cli.execute("bench", "vision", "--frames", "2", "--warmup", "1");

        assertThat(exit).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(0)).startsWith("load average at start: ");
        assertThat(lines).anyMatch(l -> l.startsWith("load average at end: "));
        String header = lines.stream().filter(l -> l.startsWith("detector ")).findFirst().orElseThrow();
        for (String stage : BenchVision.STAGES) {
            assertThat(header).contains(stage);
        }
        assertThat(header).contains("p95 total", "faces", "recall");
        assertThat(lines).anyMatch(l -> l.contains("MTCNN detect split: P-Net"));

        JsonNode figures = new ObjectMapper().readTree(lines.get(lines.size() - 1));
        assertThat(figures.get("frames").asInt()).isEqualTo(2);
        assertThat(figures.get("visibleFaces").asInt()).isEqualTo(22);
        for (DetectorKind kind : DetectorKind.values()) {
            assertThat(lines).anyMatch(l -> l.startsWith(kind.id() + " "));
            JsonNode d = figures.get("detectors").get(kind.id());
            assertThat(d).as(kind.id()).isNotNull();
            for (String stage : BenchVision.STAGES) {
                assertThat(d.has(stage + "Ms")).as(kind.id() + " " + stage).isTrue();
            }
            assertThat(d.has("totalP95Ms")).isTrue();
            assertThat(d.get("facesPerPhoto")).hasSize(6);
            assertThat(d.get("recall").asDouble()).isBetween(0.0, 1.0);
        }
        JsonNode mtcnn = figures.get("detectors").get("mtcnn");
        assertThat(mtcnn.has("pnetMs") && mtcnn.has("rnetMs") && mtcnn.has("onetMs")).isTrue();
    }
}
