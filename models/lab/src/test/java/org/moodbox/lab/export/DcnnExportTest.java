package org.moodbox.lab.export;

import org.moodbox.models.eval.TopClass;
import org.moodbox.models.tflite.TfliteInterpreter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moodbox.lab.SharedFerData;
import org.moodbox.lab.OneTorchThread;
import org.moodbox.lab.SyntheticFaces;
import org.moodbox.lab.data.Preprocessing;
import org.moodbox.lab.data.TrainingRows;
import org.moodbox.lab.net.DcnnLayout;
import org.moodbox.lab.train.DcnnTrainer;
import org.moodbox.lab.train.RunState;
import org.moodbox.lab.train.TrainOptions;
import org.moodbox.lab.train.TrainedDcnn;
import org.moodbox.lab.train.Validation;
import org.moodbox.models.fer.FerSet;
import org.moodbox.models.fer.FerSplit;
import org.moodbox.models.quantize.Int8Quantizer;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.Model;
import org.tensorflow.lite.schema.SubGraph;

/**
 * Train briefly, export with our flatbuffer writer, and let the real TFLite interpreter run the file:
 * its probabilities must equal the trainer's (DJL, inference mode) on the same inputs to 1e-4. This is
 * the CI smoke test of the lab; full training never runs in CI. The int8 model made from it by the models
 * module's quantizer must pick the float model's class on at least 99% of test faces.
 */
class DcnnExportTest {
    private static final double MAX_PROBABILITY_DIFFERENCE = 1e-4;
    private static final double MIN_INT8_AGREEMENT = 0.99;

    @BeforeAll
    static void oneThread() {
        OneTorchThread.use();
    }

    @Test
    void exportedSyntheticNetworkMatchesTheTrainer(@TempDir Path dir) throws Exception {
        FerSet faces = SyntheticFaces.make(448, 7);
        int[] rows = java.util.stream.IntStream.range(0, faces.count()).toArray();
        TrainOptions options = options("8/16,16", 4, 32, 0, 0);
        train(faces, rows, faces, dir, options);

        double worst = exportAndCompare(dir, faces, 48);
        assertThat(worst).isLessThanOrEqualTo(MAX_PROBABILITY_DIFFERENCE);

        Path int8 = dir.resolve("dcnn-int8.tflite");
        Files.write(int8, Int8Quantizer.quantize(Files.readAllBytes(dir.resolve("dcnn.tflite")),
                Calibration.samples(faces, rows, 64)));

        // A distillation teacher averages its members' probabilities face by face, in the interpreter.
        byte[] floatModel = Files.readAllBytes(dir.resolve("dcnn.tflite"));
        byte[] int8Model = Files.readAllBytes(int8);
        float[][] alone = TeacherLabels.average(List.of(floatModel), faces);
        float[][] quantized = TeacherLabels.average(List.of(int8Model), faces);
        float[][] both = TeacherLabels.average(List.of(floatModel, int8Model), faces);
        for (int i = 0; i < faces.count(); i++) {
            for (int c = 0; c < FerSet.CLASSES; c++) {
                assertThat(both[i][c]).isCloseTo((alone[i][c] + quantized[i][c]) / 2, within(1e-6f));
            }
        }
        assertThat(argmaxAgreement(dir.resolve("dcnn.tflite"), int8, faces, 300)).isGreaterThanOrEqualTo(MIN_INT8_AGREEMENT);
    }

    @Test
    void exportedSeparableNetworkMatchesTheTrainer(@TempDir Path dir) throws Exception {
        FerSet faces = SyntheticFaces.make(448, 7);
        int[] rows = java.util.stream.IntStream.range(0, faces.count()).toArray();
        TrainOptions options = new TrainOptions("8,8/16,16/24", 0f, 6, 32, 0.01f, 0.001f, 0.5f, 0.9f, 1e-4f, 0f, 0.5f,
                0f, 42L, 0, 0, "separable", 0.1f, "adam", "standard", 0);
        train(faces, rows, faces, dir, options);

        double worst = exportAndCompare(dir, faces, 48);
        assertThat(worst).isLessThanOrEqualTo(MAX_PROBABILITY_DIFFERENCE);
        assertThat(operators(dir.resolve("dcnn.tflite"))).as("the first separable convolution is one plain 3x3 one")
                .startsWith(BuiltinOperator.CONV_2D, BuiltinOperator.DEPTHWISE_CONV_2D, BuiltinOperator.CONV_2D,
                        BuiltinOperator.MAX_POOL_2D);

        Path int8 = dir.resolve("dcnn-int8.tflite");
        Files.write(int8, Int8Quantizer.quantize(Files.readAllBytes(dir.resolve("dcnn.tflite")),
                Calibration.samples(faces, rows, 64)));
        assertThat(argmaxAgreement(dir.resolve("dcnn.tflite"), int8, faces, 300)).isGreaterThanOrEqualTo(MIN_INT8_AGREEMENT);
    }

    @Test
    void oneShortEpochOnFer2013ExportsAndMatches(@TempDir Path dir) throws Exception {
        Path data = SharedFerData.require();
        FerSet train = FerSet.load(data, FerSplit.TRAIN);
        FerSet publicTest = FerSet.load(data, FerSplit.PUBLICTEST);
        FerSet privateTest = FerSet.load(data, FerSplit.PRIVATETEST);
        int[] rows = TrainingRows.select(train, List.of(publicTest, privateTest)).rows();
        TrainOptions options = options(DcnnLayout.dcnnV1().stagesText(), 1, 32, 320, 64);
        train(train, rows, publicTest, dir, options);

        double worst = exportAndCompare(dir, privateTest, 100);
        assertThat(worst).isLessThanOrEqualTo(MAX_PROBABILITY_DIFFERENCE);

        Path int8 = dir.resolve("dcnn-int8.tflite");
        Files.write(int8, Int8Quantizer.quantize(Files.readAllBytes(dir.resolve("dcnn.tflite")),
                Calibration.samples(train, rows, 100)));
        // One short epoch leaves the network unsure (top two classes close), where int8 rounding flips
        // more choices than on a trained one; the trained model's figure comes from the export command.
        double agreement = argmaxAgreement(dir.resolve("dcnn.tflite"), int8, privateTest, 300);
        assertThat(agreement).isGreaterThanOrEqualTo(0.97);
        assertThat(Files.size(int8)).isLessThan(Files.size(dir.resolve("dcnn.tflite")) / 3);
    }

    /** The builtin operator codes of a model's main graph, in order. */
    private static List<Integer> operators(Path model) throws Exception {
        Model m = Model.getRootAsModel(java.nio.ByteBuffer.wrap(Files.readAllBytes(model)));
        SubGraph graph = m.subgraphs(0);
        List<Integer> codes = new java.util.ArrayList<>();
        for (int i = 0; i < graph.operatorsLength(); i++) {
            codes.add(m.operatorCodes((int) graph.operators(i).opcodeIndex()).builtinCode());
        }
        return codes;
    }

    /** Share of images on which the two models pick the same class. */
    private static double argmaxAgreement(Path floatModel, Path int8Model, FerSet images, int count) {
        int pixels = images.imageSize();
        int same = 0;
        try (TfliteInterpreter f = new TfliteInterpreter(floatModel); TfliteInterpreter q = new TfliteInterpreter(int8Model)) {
            float[] input = new float[pixels];
            for (int i = 0; i < count; i++) {
                Preprocessing.plain(images.pixels(), i * pixels, pixels, input, 0);
                same += TopClass.of(f.run(input)) == TopClass.of(q.run(input)) ? 1 : 0;
            }
        }
        double agreement = (double) same / count;
        System.out.printf("int8 check on %s: argmax agreement %.4f over %d images%n", images.name(), agreement, count);
        return agreement;
    }

    private static TrainOptions options(String stages, int epochs, int batch, int limit, int validationLimit) {
        return new TrainOptions(stages, 0.4f, epochs, batch, 0.05f, 0.001f, 0.5f, 0.9f, 5e-4f, 0.05f, 0.5f, 0f, 42L,
                limit, validationLimit);
    }

    private static void train(FerSet train, int[] rows, FerSet validation, Path dir, TrainOptions options)
            throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        RunState end = new DcnnTrainer(train, rows, validation, dir, new PrintStream(log, true)).run(RunState.fresh(options));
        System.out.print(log);
        assertThat(end.epochsDone()).isEqualTo(options.epochs());
        assertThat(log.toString()).contains("epoch " + options.epochs() + "/" + options.epochs() + " done");
    }

    /** Exports the run's last checkpoint and returns the largest |p_tflite - p_djl| over {@code count} images. */
    private static double exportAndCompare(Path runDir, FerSet images, int count) throws Exception {
        Path file = runDir.resolve("dcnn.tflite");
        float[][] expected;
        try (TrainedDcnn dcnn = TrainedDcnn.load(runDir, "last")) {
            Files.write(file, DcnnTfliteExport.floatModel(dcnn.block(), dcnn.layout(), "test"));
            expected = Validation.probabilities(dcnn.block(), dcnn.model().getNDManager(), images, count);
        }
        double worst = 0;
        int pixels = images.imageSize();
        try (TfliteInterpreter tflite = new TfliteInterpreter(file)) {
            assertThat(tflite.inputShape()).containsExactly(1, 48, 48, 1);
            assertThat(tflite.outputShape()).containsExactly(1, 7);
            float[] input = new float[pixels];
            for (int i = 0; i < count; i++) {
                Preprocessing.plain(images.pixels(), i * pixels, pixels, input, 0);
                float[] actual = tflite.run(input);
                for (int c = 0; c < actual.length; c++) {
                    worst = Math.max(worst, Math.abs(actual[c] - expected[i][c]));
                }
            }
        }
        // A network that outputs the same vector for every face would pass trivially; these must differ.
        assertThat(expected[0]).isNotEqualTo(expected[count - 1]);
        System.out.printf("export check on %s: max |dp| %.2e over %d images%n", images.name(), worst, count);
        return worst;
    }
}
