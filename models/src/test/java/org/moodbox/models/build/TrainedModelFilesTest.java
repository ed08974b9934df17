package org.moodbox.models.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.moodbox.models.ModelFiles;
import org.moodbox.models.quantize.TfliteRunner;

/**
 * Our own trained emotion models (models/trained/*.tflite) are whole and of the emotion classifier's shape:
 * a missing, truncated or reshaped file fails the build here with its name, before the appliance could start
 * half-blind with it. fnet's trained part is committed alone and joined to the pinned MobileFaceNet at build
 * time: no pretrained weight from a registry is committed.
 */
class TrainedModelFilesTest {
    /** Committed as they ship. */
    private static final List<String> COMMITTED = List.of(ModelFiles.EMOTION_DCNN, ModelFiles.EMOTION_DCNN_FLOAT,
            ModelFiles.EMOTION_DCNN_VOTES, ModelFiles.EMOTION_DCNN_VOTES_FLOAT, ModelFiles.EMOTION_COMPACT,
            ModelFiles.EMOTION_COMPACT_FLOAT);
    /** Every emotion model our training made, as the jar carries it. */
    private static final List<String> TRAINED = List.of(ModelFiles.EMOTION_DCNN, ModelFiles.EMOTION_DCNN_FLOAT,
            ModelFiles.EMOTION_DCNN_VOTES, ModelFiles.EMOTION_DCNN_VOTES_FLOAT, ModelFiles.EMOTION_COMPACT,
            ModelFiles.EMOTION_COMPACT_FLOAT, ModelFiles.EMOTION_FNET, ModelFiles.EMOTION_FNET_INT8);
    private static final Path FOLDER = Path.of(System.getProperty("basedir", ".")).resolve("trained");

    @Test
    void everyTrainedModelIsCommittedWithItsCardAndShipsInTheJar() throws IOException {
        try (Stream<Path> files = Files.list(FOLDER)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tflite")))
                    .containsExactlyInAnyOrder(ModelFiles.EMOTION_DCNN, ModelFiles.EMOTION_DCNN_FLOAT,
                            ModelFiles.EMOTION_DCNN_VOTES, ModelFiles.EMOTION_DCNN_VOTES_FLOAT,
                            ModelFiles.EMOTION_COMPACT, ModelFiles.EMOTION_COMPACT_FLOAT,
                            ModelFiles.EMOTION_FNET_TRAINED_PART);
        }
        assertThat(ModelFiles.has(ModelFiles.EMOTION_FNET_TRAINED_PART)).as("the trained part is a build input").isFalse();
        for (String name : TRAINED) {
            assertThat(ModelFiles.has(name)).as(name + " in the moodbox-models jar").isTrue();
        }
        for (String name : COMMITTED) {
            assertThat(java.util.Arrays.equals(ModelFiles.bytes(name), Files.readAllBytes(FOLDER.resolve(name))))
                    .as(name + " in the jar is the committed file (a stale build copy would differ)").isTrue();
        }
        assertThat(FOLDER.resolve("emotion-dcnn.md")).exists();
        assertThat(FOLDER.resolve("emotion-fnet.md")).exists();
        assertThat(FOLDER.resolve("emotion-dcnn-votes.md")).exists();
        assertThat(FOLDER.resolve("emotion-compact.md")).exists();
    }

    @Test
    void everyTrainedModelLoadsTakesA48PixelGreyFaceAndGivesSevenProbabilities() {
        for (String name : TRAINED) {
            byte[] bytes = ModelFiles.bytes(name);
            assertThat(bytes.length).as(name + " size").isLessThanOrEqualTo(6_000_000);
            if (name.startsWith("emotion-compact")) {
                assertThat(bytes.length).as(name + ": the compact net's budget is 1 MB").isLessThanOrEqualTo(1_000_000);
            }
            try (TfliteRunner r = new TfliteRunner(bytes)) {
                assertThat(r.inputShape(0)).as(name + " input").containsExactly(1, 48, 48, 1);
                assertThat(r.outputShape(0)).as(name + " output").containsExactly(1, 7);
            } catch (RuntimeException e) {
                throw new AssertionError("trained model file " + name + " is broken: " + e.getMessage(), e);
            }
        }
    }
}
