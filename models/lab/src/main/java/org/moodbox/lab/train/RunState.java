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
 * Where a run stands: the options it was started with, the optimizer step (the learning-rate schedule's
 * position, and the name of the latest checkpoint, see {@link Checkpoints#latest}), the best validation
 * accuracy, the history, and progress into an unfinished epoch. Written atomically after the checkpoint it
 * names, so a run killed at any moment resumes from a consistent pair.
 */
public record RunState(TrainOptions options, int epochsDone, long step, double bestValidationAccuracy,
                       int bestEpoch, List<EpochResult> history, PartialEpoch partial) {
    public static final String FILE = "state.json";
    /** Per-epoch training and PublicTest figures, one row an epoch, for plots and the model card. */
    public static final String EPOCHS_CSV = "epochs.csv";
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
        double score = options.judgedByFerPlus() ? result.ferPlusScore() : result.validationAccuracy();
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

    /** Writes the state, then the per-epoch CSV made from its history (both atomically). */
    public void write(Path runDir) throws IOException {
        Path tmp = runDir.resolve(FILE + ".tmp");
        JSON.writeValue(tmp.toFile(), this);
        Files.move(tmp, runDir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        StringBuilder csv = new StringBuilder(EpochResult.CSV_HEADER).append('\n');
        history.forEach(e -> csv.append(e.csvRow()).append('\n'));
        Path csvTmp = runDir.resolve(EPOCHS_CSV + ".tmp");
        Files.writeString(csvTmp, csv);
        Files.move(csvTmp, runDir.resolve(EPOCHS_CSV), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }
}
