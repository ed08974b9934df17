package org.moodbox.models.tfjs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moodbox.models.ModelFiles;
import org.moodbox.models.tflite.TfliteInterpreter;

/**
 * The converted emotion-cnn.tflite, run by the TFLite interpreter, must give the same probabilities as the
 * original TF.js model run by TF.js itself. Two independent runtimes as oracles: a wrong filter layout,
 * padding or fused activation shows up as differences of 1e-2 and more, not 1e-6.
 */
class TfjsToTfliteOracleTest {
    private static final Path BASEDIR = Path.of(System.getProperty("basedir", "."));
    private static final Path TFJS_MODEL = BASEDIR.resolve("target/model-sources/emotion-tfjs/emotion.json");
    private static final Path TFJS_WEIGHTS = BASEDIR.resolve("target/model-sources/emotion-tfjs/emotion.bin");
    private static final double TOLERANCE = 1e-5;

    @TempDir
    Path dir;

    @Test
    void convertedEmotionModelMatchesTfjsOnNoiseAndRealFaces() throws IOException, InterruptedException {
        long started = System.nanoTime();
        List<float[]> inputs = new ArrayList<>(EmotionInputs.noise(8, 20240611L));
        inputs.addAll(EmotionInputs.faces());

        Path tflite = dir.resolve(ModelFiles.EMOTION_CNN);
        Files.write(tflite, ModelFiles.bytes(ModelFiles.EMOTION_CNN)); // the file the jar ships
        float[][] converted = new float[inputs.size()][];
        try (TfliteInterpreter interpreter = new TfliteInterpreter(tflite)) {
            assertThat(interpreter.inputShape()).containsExactly(1, 64, 64, 1);
            assertThat(interpreter.outputShape()).containsExactly(1, 7);
            for (int n = 0; n < inputs.size(); n++) {
                converted[n] = interpreter.run(inputs.get(n));
            }
        }

        TfjsReference tfjs = TfjsReference.install(BASEDIR.resolve("src/test/node"), BASEDIR.resolve("target/tfjs-oracle"));
        float[][] reference = tfjs.run(TFJS_MODEL, TFJS_WEIGHTS, inputs, new int[] {64, 64, 1});

        double maxDiff = 0;
        for (int n = 0; n < inputs.size(); n++) {
            assertThat(converted[n]).hasSize(7);
            assertThat(sum(reference[n])).as("TF.js output %d is a distribution", n).isBetween(0.999, 1.001);
            for (int k = 0; k < 7; k++) {
                maxDiff = Math.max(maxDiff, Math.abs(converted[n][k] - reference[n][k]));
            }
        }
        System.out.printf("[oracle] %d inputs, max |dp| TFLite vs TF.js = %.3g, %.1f s including npm/node%n",
                inputs.size(), maxDiff, (System.nanoTime() - started) / 1e9);
        assertThat(maxDiff).as("max |dp| between converted TFLite and original TF.js").isLessThanOrEqualTo(TOLERANCE);
        assertThat(distinctArgmaxes(reference)).as("inputs exercise more than one class").isGreaterThan(1);
    }

    @Test
    void lockFileNamesNoRegistryHost() throws IOException {
        String lock = Files.readString(BASEDIR.resolve("src/test/node/package-lock.json"));
        assertThat(lock).doesNotContain("\"resolved\"").doesNotContain("http");
    }

    private static double sum(float[] values) {
        double s = 0;
        for (float v : values) {
            s += v;
        }
        return s;
    }

    private static long distinctArgmaxes(float[][] outputs) {
        return java.util.Arrays.stream(outputs).mapToInt(o -> {
            int best = 0;
            for (int k = 1; k < o.length; k++) {
                if (o[k] > o[best]) {
                    best = k;
                }
            }
            return best;
        }).distinct().count();
    }
}
