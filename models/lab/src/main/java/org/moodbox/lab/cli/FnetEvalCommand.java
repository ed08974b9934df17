package org.moodbox.lab.cli;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.moodbox.lab.facenet.FaceNetEmotionNet;
import org.moodbox.lab.facenet.FeatureCache;
import org.moodbox.lab.facenet.Predict;
import org.moodbox.lab.facenet.Scores;
import org.moodbox.lab.facenet.TemperatureScaling;
import org.moodbox.lab.train.Checkpoints;
import org.moodbox.models.facenet.FaceNetEmotionGraph;
import org.moodbox.models.fer.FerSet;
import org.moodbox.models.fer.FerSplit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** PrivateTest figures of a fine-tuning run's checkpoint, from the cached activations (DJL, float). */
@Command(name = "fnet-eval", mixinStandardHelpOptions = true,
        description = {"PrivateTest accuracy, macro-F1 (FER+ majority and FER labels), flip averaging, temperature",
                "fitted on PublicTest, ECE before/after and the precision-against-coverage table of the top probability."})
public final class FnetEvalCommand implements Callable<Integer> {
    @Mixin
    FnetRunOptions run = new FnetRunOptions();
    @Option(names = "--threads", defaultValue = "1") int threads;

    @Override
    public Integer call() throws Exception {
        Threads.use(threads);
        FerSet publicTest = FerSet.load(run.data, FerSplit.PUBLICTEST);
        FerSet privateTest = FerSet.load(run.data, FerSplit.PRIVATETEST);
        FaceNetEmotionGraph graph = new FaceNetEmotionGraph(Files.readAllBytes(run.mobileFaceNet));
        FaceNetEmotionNet net = new FaceNetEmotionNet(graph.tailGraph(), 0f);
        try (Model model = Model.newInstance("fnet", Device.cpu())) {
            model.setBlock(net.block);
            net.block.initialize(model.getNDManager(), ai.djl.ndarray.types.DataType.FLOAT32, new Shape(1, 128, 7, 7));
            Checkpoints.load(net.block, model.getNDManager(), run.checkpointFile());
            var m = model.getNDManager();
            float[][] pub = Predict.probabilities(net.block, m, FeatureCache.loadSplit(run.cache, "publictest", publicTest));
            float[][] priv = Predict.probabilities(net.block, m, FeatureCache.loadSplit(run.cache, "privatetest", privateTest));
            row("float (DJL)", Scores.of(priv, privateTest));
            if (FeatureCache.cached(run.cache, "privatetest-flip", privateTest.count())) {
                float[][] privFlip = Predict.probabilities(net.block, m,
                        FeatureCache.loadSplit(run.cache, "privatetest-flip", privateTest));
                row("float, flip-averaged", Scores.of(Predict.average(priv, privFlip), privateTest));
            } else {
                System.out.println("flip averaging: privatetest-flip is not cached (fnet-cache writes it after train-1)");
            }
            double t = TemperatureScaling.fit(pub, publicTest);
            float[][] calibrated = TemperatureScaling.apply(priv, t);
            System.out.printf("temperature fitted on PublicTest: T = %.3f; PrivateTest ECE (FER+ majority, 15 bins) before %.4f,"
                            + " after %.4f; PublicTest ECE before %.4f after %.4f%n", t,
                    TemperatureScaling.ece(priv, privateTest), TemperatureScaling.ece(calibrated, privateTest),
                    TemperatureScaling.ece(pub, publicTest), TemperatureScaling.ece(TemperatureScaling.apply(pub, t), publicTest));
            System.out.println("precision against coverage of the calibrated top probability (PrivateTest, FER+ majority):");
            System.out.print(TemperatureScaling.coverageTable(calibrated, privateTest));
            Scores s = Scores.of(priv, privateTest);
            System.out.println("FER+ majority confusion (rows true, columns predicted):");
            System.out.print(Scores.confusionTable(s.ferPlusConfusion()));
            System.out.println("FER label confusion:");
            System.out.print(Scores.confusionTable(s.ferConfusion()));
        }
        return 0;
    }

    private static void row(String what, Scores s) {
        System.out.printf("%-22s FER+ acc %.4f  FER+ macro-F1 %.4f  (%d faces)  FER acc %.4f  FER macro-F1 %.4f%n", what,
                s.ferPlusAccuracy(), s.ferPlusMacroF1(), s.ferPlusCounted(), s.ferAccuracy(), s.ferMacroF1());
    }
}
