package org.moodbox.models.facenet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.moodbox.models.quantize.CalibrationSample;
import org.moodbox.models.quantize.FloatGraph;
import org.moodbox.models.quantize.TfliteRunner;

/**
 * The graph surgery behind the face-pretrained emotion network, checked against the pinned MobileFaceNet
 * itself in the TFLite interpreter: PReLUs fused, grey input folded into the first convolution, trunk and
 * tail cut at the cached block, and the finished classifier's shape.
 */
class FaceNetEmotionGraphTest {
    private static final Path BASEDIR = Path.of(System.getProperty("basedir", "."));
    static final Path MOBILEFACENET = BASEDIR.resolve("target/model-sources").resolve(FaceNetEmotionGraph.SOURCE);

    static byte[] pretrained() throws IOException {
        return Files.readAllBytes(MOBILEFACENET); // fetched and verified by the build (model-manifest.json)
    }

    @Test
    void fusedGreyGraphComputesWhatTheOriginalComputesOnGreyCopiedToRgb() throws IOException {
        byte[] original = pretrained();
        // The original (RGB, six-operator PReLUs) up to the 7x7x512 block, batch 1.
        byte[] reference = FloatGraph.read(original).slice("input", FaceNetEmotionGraph.FEATURES, 1).writeCompact();
        FaceNetEmotionGraph ours = new FaceNetEmotionGraph(original, 112);
        byte[] trunk = ours.trunk(1);
        byte[] tail = ours.tail(1);
        Random random = new Random(15);
        try (TfliteRunner ref = new TfliteRunner(reference); TfliteRunner t = new TfliteRunner(trunk);
             TfliteRunner l = new TfliteRunner(tail)) {
            for (int k = 0; k < 3; k++) {
                float[] grey = new float[112 * 112];
                float[] rgb = new float[112 * 112 * 3];
                for (int i = 0; i < grey.length; i++) {
                    grey[i] = (float) Math.sin(i * 0.01 * (k + 1)) * 0.8f + (random.nextFloat() - 0.5f) * 0.4f;
                    for (int c = 0; c < 3; c++) {
                        rgb[3 * i + c] = FaceNetEmotionGraph.originalInput(grey[i]);
                    }
                }
                ref.run(CalibrationSample.of(new int[] {1, 112, 112, 3}, rgb));
                float[] expected = ref.output(0);
                t.run(CalibrationSample.of(new int[] {1, 112, 112, 1}, grey));
                float[] cached = t.output(0);
                assertThat(t.outputShape(0)).containsExactly(1, 7, 7, 128);
                l.run(CalibrationSample.of(new int[] {1, 7, 7, 128}, cached));
                float[] actual = l.output(0);
                assertThat(actual).hasSize(7 * 7 * 512);
                double worst = 0;
                double scale = 0;
                for (int i = 0; i < actual.length; i++) {
                    worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
                    scale = Math.max(scale, Math.abs(expected[i]));
                }
                assertThat(scale).isGreaterThan(0.1);
                assertThat(worst).as("largest difference from the original, values up to %.2f", scale).isLessThan(1e-4 * scale);
            }
        }
    }

    @Test
    void classifierTakesA48PixelGreyFaceAndGivesSevenProbabilities() throws IOException {
        FaceNetEmotionGraph graph = new FaceNetEmotionGraph(pretrained());
        float[] w = new float[7 * 512];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) Math.sin(i) * 0.01f;
        }
        byte[] model = graph.classifier(Map.of(), w, new float[7], 1f, "test");
        try (TfliteRunner r = new TfliteRunner(model)) {
            assertThat(r.inputShape(0)).containsExactly(1, 48, 48, 1);
            r.run(CalibrationSample.of(new int[] {1, 48, 48, 1}, new float[48 * 48]));
            float[] p = r.output(0);
            assertThat(p).hasSize(7);
            double sum = 0;
            for (float v : p) {
                sum += v;
            }
            assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
        }
        assertThat(model.length).isLessThan(6_000_000);
    }

    /**
     * The repository keeps only what our training made; the build joins it to the pinned trunk. The joined file
     * computes exactly what the trunk followed by the trained part computes, and holds none of the trunk's
     * frozen weights in the committed part.
     */
    @Test
    void theTrainedPartAloneJoinedToThePinnedTrunkIsTheWholeClassifier() throws IOException {
        FaceNetEmotionGraph graph = new FaceNetEmotionGraph(pretrained());
        float[] w = new float[7 * 512];
        float[] b = new float[7];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) Math.cos(i * 0.37) * 0.02f;
        }
        b[3] = 0.5f;
        byte[] part = graph.trainedPart(Map.of(), w, b, 0.8f, "trained part");
        byte[] joined = FaceNetEmotionGraph.assemble(pretrained(), part);
        byte[] direct = graph.classifier(Map.of(), w, b, 0.8f, "trained part");
        assertThat(FloatGraph.read(part).graphInputs()).hasSize(1);
        assertThat(FloatGraph.read(part).tensor(FloatGraph.read(part).graphInputs()[0]).name())
                .isEqualTo(FaceNetEmotionGraph.CACHED);
        assertThat(FloatGraph.read(joined).description()).isEqualTo("trained part");
        Random random = new Random(3);
        try (TfliteRunner trunk = new TfliteRunner(graph.trunk(1)); TfliteRunner tail = new TfliteRunner(part);
             TfliteRunner whole = new TfliteRunner(joined); TfliteRunner same = new TfliteRunner(direct)) {
            for (int k = 0; k < 3; k++) {
                float[] face = new float[48 * 48];
                for (int i = 0; i < face.length; i++) {
                    face[i] = random.nextFloat() * 2 - 1;
                }
                trunk.run(CalibrationSample.of(new int[] {1, 48, 48, 1}, face));
                tail.run(CalibrationSample.of(new int[] {1, 7, 7, 128}, trunk.output(0)));
                whole.run(CalibrationSample.of(new int[] {1, 48, 48, 1}, face));
                same.run(CalibrationSample.of(new int[] {1, 48, 48, 1}, face));
                assertThat(whole.output(0)).containsExactly(tail.output(0));
                assertThat(same.output(0)).containsExactly(whole.output(0));
            }
        }
    }

    @Test
    void aTrainedPartThatDoesNotStartWhereTheTrunkEndsIsRefused() throws IOException {
        FaceNetEmotionGraph graph = new FaceNetEmotionGraph(pretrained());
        byte[] wholeInsteadOfPart = graph.classifier(Map.of(), new float[7 * 512], new float[7], 1f, "whole");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FaceNetEmotionGraph.assemble(pretrained(), wholeInsteadOfPart))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the trained part must take one input, " + FaceNetEmotionGraph.CACHED);
    }
}
