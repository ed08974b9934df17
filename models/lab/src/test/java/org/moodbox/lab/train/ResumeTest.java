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
import org.moodbox.lab.SyntheticFaces;
import org.moodbox.models.fer.FerSet;

/** A run stopped mid-epoch (SIGTERM) resumes at the saved batch and finishes with a whole history. */
class ResumeTest {
    @BeforeAll
    static void oneThread() {
        System.setProperty("ai.djl.pytorch.num_threads", "1");
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
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
        assertThat(Files.exists(run.resolve(Checkpoints.PARTIAL))).isTrue();
        assertThat(RunState.read(run)).isEqualTo(stopped);

        ByteArrayOutputStream second = new ByteArrayOutputStream();
        RunState end = new DcnnTrainer(faces, rows, faces, run, new PrintStream(second, true), 5, () -> false)
                .run(RunState.read(run));

        assertThat(second.toString()).contains("resuming epoch 2 at batch 4/14", "epoch 2/2 done");
        assertThat(end.epochsDone()).isEqualTo(2);
        assertThat(end.step()).isEqualTo(28);
        assertThat(end.partial()).isNull();
        assertThat(end.history()).hasSize(2);
        assertThat(Files.exists(run.resolve(Checkpoints.PARTIAL))).isFalse();
        assertThat(Files.exists(Checkpoints.epochFile(run, 2))).isTrue();
    }
}
