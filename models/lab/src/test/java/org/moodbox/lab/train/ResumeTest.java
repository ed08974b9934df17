package org.moodbox.lab.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moodbox.lab.OneTorchThread;
import org.moodbox.lab.SyntheticFaces;
import org.moodbox.models.fer.FerSet;

/**
 * A run stopped mid-epoch (SIGTERM) resumes at the saved batch and finishes with a whole history; an Adam run
 * (the compact net, with spatial dropout and the wide augmentation) resumed from its checkpoint ends with
 * exactly the weights of an unbroken run.
 */
class ResumeTest {
    @BeforeAll
    static void oneThread() {
        OneTorchThread.use();
    }

    @Test
    void stoppedMidEpochResumesAtTheSavedBatch(@TempDir Path run) throws Exception {
        FerSet faces = SyntheticFaces.make(448, 3);
        int[] rows = IntStream.range(0, faces.count()).toArray();
        TrainOptions options = new TrainOptions("8/16", 0.2f, 2, 32, 0.05f, 0.001f, 0.5f, 0.9f, 5e-4f, 0f, 0f, 0f, 9L,
                0, 64);
        AtomicInteger asked = new AtomicInteger();
        ByteArrayOutputStream first = new ByteArrayOutputStream();

        RunState stopped = new DcnnTrainer(faces, rows, faces, run, new PrintStream(first, true), 5,
                () -> asked.incrementAndGet() == 18).run(RunState.fresh(options)); // 14 batches an epoch

        assertThat(first.toString()).contains("epoch 1/2 done", "stopped in epoch 2 after batch 4/14");
        assertThat(stopped.epochsDone()).isEqualTo(1);
        assertThat(stopped.partial().batchesDone()).isEqualTo(4);
        assertThat(stopped.step()).isEqualTo(14 + 4);
        assertThat(Files.exists(Checkpoints.latest(run, 18))).isTrue();
        assertThat(RunState.read(run)).isEqualTo(stopped);

        ByteArrayOutputStream second = new ByteArrayOutputStream();
        RunState end = new DcnnTrainer(faces, rows, faces, run, new PrintStream(second, true), 5, () -> false)
                .run(RunState.read(run));

        assertThat(second.toString()).contains("resuming epoch 2 at batch 4/14", "epoch 2/2 done");
        assertThat(end.epochsDone()).isEqualTo(2);
        assertThat(end.step()).isEqualTo(28);
        assertThat(end.partial()).isNull();
        assertThat(end.history()).hasSize(2);
        assertThat(Files.exists(Checkpoints.latest(run, 18))).as("the older checkpoint is gone").isFalse();
        assertThat(Files.exists(Checkpoints.latest(run, 28))).isTrue();
        assertThat(Files.readAllLines(run.resolve(RunState.EPOCHS_CSV))).hasSize(3).first().asString()
                .startsWith("epoch,train_loss");
    }

    @Test
    void anAdamRunResumedFromItsCheckpointTakesTheUnbrokenRunsSteps(@TempDir Path broken, @TempDir Path unbroken)
            throws Exception {
        FerSet faces = SyntheticFaces.make(448, 5);
        int[] rows = IntStream.range(0, faces.count()).toArray();
        TrainOptions options = new TrainOptions("8/16", 0f, 2, 32, 0.005f, 0.0001f, 0.5f, 0.9f, 1e-4f, 0f, 0f, 0f,
                11L, 0, 64, "separable", 0.2f, "adam", "wide", 0);
        AtomicInteger asked = new AtomicInteger();
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true);

        RunState stopped = new DcnnTrainer(faces, rows, faces, broken, quiet, 5, () -> asked.incrementAndGet() == 21)
                .run(RunState.fresh(options));
        assertThat(stopped.step()).isEqualTo(21);
        assertThat(Files.exists(Checkpoints.latestOptimizer(broken, 21))).isTrue();
        RunState resumed = new DcnnTrainer(faces, rows, faces, broken, quiet, 5, () -> false).run(RunState.read(broken));
        RunState straight = new DcnnTrainer(faces, rows, faces, unbroken, quiet, 5, () -> false)
                .run(RunState.fresh(options));

        assertThat(resumed.step()).isEqualTo(straight.step()).isEqualTo(28);
        assertThat(Files.readAllBytes(Checkpoints.latest(broken, 28)))
                .as("weights after the last step, resumed against unbroken")
                .isEqualTo(Files.readAllBytes(Checkpoints.latest(unbroken, 28)));
        assertThat(Files.readAllBytes(Checkpoints.latestOptimizer(broken, 28)))
                .isEqualTo(Files.readAllBytes(Checkpoints.latestOptimizer(unbroken, 28)));
        assertThat(resumed.history().get(1).trainLoss()).isEqualTo(straight.history().get(1).trainLoss());
    }
}
