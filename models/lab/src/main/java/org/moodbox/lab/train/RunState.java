package org.moodbox.lab.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a run stands after its last finished epoch: the options it was started with, the optimizer step
 * (the learning-rate schedule's position), the best validation accuracy, and the history. Written
 * atomically after the epoch's weights, so a run killed at any moment resumes from a consistent pair.
 */
public record RunState(TrainOptions options, int epochsDone, long step, double bestValidationAccuracy,
                       int bestEpoch, List<EpochResult> history, PartialEpoch partial) {
    public static final String FILE = "state.json";
    /** NaN is a legal figure here (FER+ accuracy of a set without votes), so it is written and read back. */
    private static final ObjectMapper JSON = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    public static RunState fresh(TrainOptions options) {
        return new RunState(options, 0, 0, 0, 0, List.of(), null);
    }

    public RunState after(EpochResult result, long stepNow) {
        List<EpochResult> h = new ArrayList<>(history);
        h.add(result);
        double score = options.judgedByFerPlus() ? result.validationFerPlusAccuracy() : result.validationAccuracy();
        boolean better = score > bestValidationAccuracy;
        return new RunState(options, result.epoch(), stepNow,
                better ? score : bestValidationAccuracy,
                better ? result.epoch() : bestEpoch, List.copyOf(h), null);
    }

    /** The same finished epochs plus progress into the next one. */
    public RunState midEpoch(PartialEpoch progress, long stepNow) {
        return new RunState(options, epochsDone, stepNow, bestValidationAccuracy, bestEpoch, history, progress);
    }

    public static RunState read(Path runDir) throws IOException {
        Path f = runDir.resolve(FILE);
        try {
            return JSON.readValue(f.toFile(), RunState.class);
        } catch (IOException e) {
            throw new IOException(f + " is not a readable run state (" + e.getMessage() + ")", e);
        }
    }

    public static boolean exists(Path runDir) {
        return Files.isRegularFile(runDir.resolve(FILE));
    }

    public void write(Path runDir) throws IOException {
        Path tmp = runDir.resolve(FILE + ".tmp");
        JSON.writeValue(tmp.toFile(), this);
        Files.move(tmp, runDir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
