package org.moodbox.lab.facenet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A fine-tuning run's options (fixed when it starts) and where it stands after its last finished epoch,
 * written atomically after that epoch's weights so that the same command resumes from a consistent pair.
 *
 * @param freezeTail true: only the dense layer learns (linear probe on the pretrained block)
 * @param init       weights to start from (another run's best.params: probe, then fine-tune), or "" for pretrained
 * @param copies     augmented cache copies to cycle through (epoch e reads train-((e-1) mod (copies+1)))
 * @param headLrFactor the dense layer's learning rate over the tail's: the pretrained weights are small
 *                   (|w| about 0.02) and Adam moves every weight by about the learning rate a step, so the tail
 *                   needs a far smaller rate than a freshly initialised head
 */
public record FaceNetRun(Options options, int epochsDone, long step, double best, int bestEpoch, List<Epoch> history) {
    public record Options(boolean freezeTail, String init, int epochs, int batch, float lr, float minLr,
                          float warmupEpochs, float weightDecay, float dropout, float classWeightPower,
                          float labelSmoothing, int copies, long seed, float headLrFactor) {
    }

    public record Epoch(int epoch, String trainPart, double loss, double trainAcc, double valFerPlusAcc,
                        double valFerAcc, double seconds) {
    }

    static final String FILE = "state.json";
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public static FaceNetRun fresh(Options o) {
        return new FaceNetRun(o, 0, 0, 0, 0, List.of());
    }

    FaceNetRun after(Epoch e, long stepNow) {
        List<Epoch> h = new ArrayList<>(history);
        h.add(e);
        boolean better = e.valFerPlusAcc() > best;
        return new FaceNetRun(options, e.epoch(), stepNow, better ? e.valFerPlusAcc() : best,
                better ? e.epoch() : bestEpoch, List.copyOf(h));
    }

    public static boolean exists(Path run) {
        return Files.isRegularFile(run.resolve(FILE));
    }

    public static FaceNetRun read(Path run) throws IOException {
        return JSON.readValue(run.resolve(FILE).toFile(), FaceNetRun.class);
    }

    void write(Path run) throws IOException {
        Path tmp = run.resolve(FILE + ".tmp");
        JSON.writeValue(tmp.toFile(), this);
        Files.move(tmp, run.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
