package org.moodbox.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.moodbox.models.ModelFiles;
import org.moodbox.models.fer.FerSet;
import org.moodbox.models.fer.FerSplit;
import org.moodbox.models.eval.Int8Agreement;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code moodbox bench emotion}: each int8 emotion model the build makes or ships (the mini-Xception's and our
 * DCNNs', fnet's) against its float original on the FER-2013 private test (research data, read from a folder
 * and never copied): same-argmax agreement, both accuracies
 * against the FER labels, the largest probability gap, and one JSON line.
 */
@Command(name = "emotion", mixinStandardHelpOptions = true,
        description = "int8 vs float emotion models (cnn, dcnn, dcnn-votes, compact, fnet): argmax agreement and accuracy on the FER-2013 private test.")
final class BenchEmotion implements Callable<Integer> {
    @Option(names = "--fer", paramLabel = "DIR",
            description = "folder with the FER-2013 IDX files (default: $MOODBOX_SHARED_DATA/fer2013 or ../shared/data/fer2013)")
    Path fer;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path folder = fer != null ? fer : defaultFolder();
        if (!FerSet.present(folder, FerSplit.PRIVATETEST)) {
            spec.commandLine().getErr().println("FER-2013 private test not found in " + folder.toAbsolutePath()
                    + " (fer2013_privatetest_images.idx3-ubyte.gz and _labels); give --fer DIR");
            return 2;
        }
        FerSet test = FerSet.load(folder, FerSplit.PRIVATETEST);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("cnn", pair(out, "emotion CNN (mini-Xception)", ModelFiles.EMOTION_CNN, ModelFiles.EMOTION_CNN_INT8, test));
        json.put("dcnn", pair(out, "emotion DCNN (ours)", ModelFiles.EMOTION_DCNN_FLOAT, ModelFiles.EMOTION_DCNN, test));
        json.put("dcnn-votes", pair(out, "emotion DCNN on the FER+ votes (ours)", ModelFiles.EMOTION_DCNN_VOTES_FLOAT,
                ModelFiles.EMOTION_DCNN_VOTES, test));
        json.put("compact", pair(out, "compact emotion net on the FER+ votes (ours)", ModelFiles.EMOTION_COMPACT_FLOAT,
                ModelFiles.EMOTION_COMPACT, test));
        json.put("fnet", pair(out, "face-pretrained emotion net (ours, MobileFaceNet trunk)", ModelFiles.EMOTION_FNET,
                ModelFiles.EMOTION_FNET_INT8, test));
        out.println(new ObjectMapper().writeValueAsString(json));
        out.flush();
        return 0;
    }

    private static Map<String, Object> pair(PrintWriter out, String title, String floatModel, String int8Model,
            FerSet test) {
        long start = System.nanoTime();
        Int8Agreement a = Int8Agreement.measure(ModelFiles.bytes(floatModel), ModelFiles.bytes(int8Model), test);
        out.printf("%s, int8 vs float32 on the FER-2013 private test (%d faces, TFLite interpreter, %.0f s)%n",
                title, a.images(), (System.nanoTime() - start) / 1e9);
        out.printf("  same argmax   %d/%d = %.2f%%%n", a.sameArgmax(), a.images(), 100 * a.agreement());
        out.printf("  accuracy      float32 %.2f%%, int8 %.2f%% (FER labels)%n", 100 * a.floatAccuracy(),
                100 * a.int8Accuracy());
        out.printf("  max |p_float - p_int8| over all classes and faces: %.3f%n", a.maxProbabilityGap());
        out.flush();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("images", a.images());
        json.put("sameArgmax", a.sameArgmax());
        json.put("agreement", a.agreement());
        json.put("floatAccuracy", a.floatAccuracy());
        json.put("int8Accuracy", a.int8Accuracy());
        json.put("maxProbabilityGap", a.maxProbabilityGap());
        return json;
    }

    private static Path defaultFolder() {
        // Without $MOODBOX_SHARED_DATA (EnvironmentDefaults): beside the checkout, as the workplace keeps it.
        Path home = Path.of(System.getProperty("moodbox.home", "."));
        return home.resolve("../shared/data").resolve(EnvironmentDefaults.FER_FOLDER).normalize();
    }
}
