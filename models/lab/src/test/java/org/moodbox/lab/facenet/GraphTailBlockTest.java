package org.moodbox.lab.facenet;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.moodbox.models.facenet.FaceNetEmotionGraph;
import org.moodbox.models.quantize.CalibrationSample;
import org.moodbox.models.quantize.TfliteRunner;

/**
 * MobileFaceNet's tail rebuilt in DJL with the pretrained weights computes what the TFLite interpreter
 * computes on the pinned file's own tail (the same inputs, max |diff| <= 1e-4), and the weights handed back
 * for the export are the ones that went in.
 */
class GraphTailBlockTest {
    private static final Path BASEDIR = Path.of(System.getProperty("basedir", "."));
    static final Path MOBILEFACENET = BASEDIR.resolve("../target/model-sources").resolve(FaceNetEmotionGraph.SOURCE);

    @Test
    void djlTailMatchesTheTfliteInterpreterOnTheSameInputs() throws IOException {
        FaceNetEmotionGraph graph = new FaceNetEmotionGraph(Files.readAllBytes(MOBILEFACENET));
        GraphTailBlock tail = new GraphTailBlock(graph.tailGraph());
        Random random = new Random(7);
        int n = 3;
        float[] nhwc = new float[n * FeatureCache.VALUES];
        for (int i = 0; i < nhwc.length; i++) {
            nhwc[i] = (float) random.nextGaussian() * 2f; // the cached block's values are of this size
        }
        float[] expected;
        try (TfliteRunner tflite = new TfliteRunner(graph.tail(n))) {
            tflite.run(CalibrationSample.of(new int[] {n, 7, 7, 128}, nhwc));
            expected = tflite.output(0); // [n, 7, 7, 512]
        }
        try (Model model = Model.newInstance("tail", Device.cpu())) {
            model.setBlock(tail);
            NDManager m = model.getNDManager();
            tail.initialize(m, DataType.FLOAT32, new Shape(n, 128, 7, 7));
            NDArray x = m.create(nhwc, new Shape(n, 7, 7, 128)).transpose(0, 3, 1, 2);
            NDArray y = tail.forward(new ParameterStore(m, false), new NDList(x), false).singletonOrThrow();
            float[] actual = y.transpose(0, 2, 3, 1).toFloatArray();
            assertThat(actual).hasSameSizeAs(expected);
            double worst = 0;
            double scale = 0;
            for (int i = 0; i < actual.length; i++) {
                worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
                scale = Math.max(scale, Math.abs(expected[i]));
            }
            System.out.printf("DJL tail vs TFLite: max |diff| %.2e over values up to %.2f%n", worst, scale);
            assertThat(scale).isGreaterThan(1);
            assertThat(worst).isLessThanOrEqualTo(1e-4);

            Map<String, float[]> back = tail.trainedConstants();
            // two inverted-residual blocks (3 convolutions with weights and bias, 2 PReLUs) and the 1x1 conv with its PReLU
            assertThat(back.size()).isEqualTo(2 * (3 * 2 + 2) + 2 + 1);
            for (Map.Entry<String, float[]> e : back.entrySet()) {
                assertThat(java.util.Arrays.equals(e.getValue(), graph.tailGraph().constant(e.getKey()))).as(e.getKey()).isTrue();
            }
        }
    }
}
