package org.moodbox.lab.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moodbox.lab.OneTorchThread;
import org.moodbox.lab.SyntheticFaces;
import org.moodbox.models.fer.FerSet;

/**
 * A student run learns from a cached teacher file mixed into its targets, and a fine-tuning run starts from
 * another run's weights. Damaged or mismatched teacher files are refused with the reason.
 */
class DistillationTest {
    private static final float[] UNIFORM = {1 / 7f, 1 / 7f, 1 / 7f, 1 / 7f, 1 / 7f, 1 / 7f, 1 / 7f};

    @BeforeAll
    static void oneThread() {
        OneTorchThread.use();
    }

    @Test
    void aTeacherFileReadsBackAsWrittenAndADamagedOneIsRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("teacher.bin");
        float[][] p = {{0.1f, 0.2f, 0.3f, 0.1f, 0.1f, 0.1f, 0.1f}, UNIFORM.clone()};
        new TeacherFile(List.of("a.tflite sha256:00"), p).write(file);

        TeacherFile back = TeacherFile.read(file);
        assertThat(back.models()).containsExactly("a.tflite sha256:00");
        assertThat(back.probabilities()).isDeepEqualTo(p);

        byte[] whole = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(whole, whole.length - 5));
        assertThatThrownBy(() -> TeacherFile.read(file)).isInstanceOf(IOException.class).hasMessageContaining("truncated");
        Files.writeString(file, "not a teacher at all");
        assertThatThrownBy(() -> TeacherFile.read(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("not a teacher file");
        assertThatThrownBy(() -> TeacherFile.read(dir.resolve("missing.bin"))).isInstanceOf(IOException.class)
                .hasMessageContaining("lab teacher");
    }

    @Test
    void theTeachersShareIsMixedIntoEachTarget(@TempDir Path dir) throws Exception {
        FerSet train = FerPlusRunTest.set(); // six rows; row 1's FER label is angry
        float[][] p = new float[train.count()][];
        Arrays.fill(p, new float[] {0f, 0f, 0f, 1f, 0f, 0f, 0f}); // the teacher says happy everywhere
        Path file = dir.resolve("teacher.bin");
        new TeacherFile(List.of("happy"), p).write(file);

        Targets targets = new Targets(train, new int[] {0, 1, 4, 5}, options(file, 0.25f, 0f));
        float[] t = new float[7];
        targets.write(1, t, 0);
        assertThat(t[0]).isCloseTo(0.75f, within(1e-6f)); // the FER label
        assertThat(t[3]).isCloseTo(0.25f, within(1e-6f)); // the teacher
        assertThat(t[0] + t[3]).isCloseTo(1f, within(1e-6f));

        Path shorter = dir.resolve("short.bin");
        new TeacherFile(List.of("happy"), Arrays.copyOf(p, 3)).write(shorter);
        assertThatThrownBy(() -> new Targets(train, new int[] {0, 1}, options(shorter, 0.25f, 0f)))
                .hasMessageContaining("3 rows, the training set 6");
        assertThatThrownBy(() -> options(null, 0.25f, 0f)).hasMessageContaining("go together");
    }

    @Test
    void aStudentStartsFromAnotherRunsWeightsAndLearnsTheTeachersAnswers(@TempDir Path teacherRun,
                                                                         @TempDir Path studentRun) throws Exception {
        FerSet faces = SyntheticFaces.make(448, 5);
        int[] rows = IntStream.range(0, faces.count()).toArray();
        RunState trained = new DcnnTrainer(faces, rows, faces, teacherRun, new PrintStream(new ByteArrayOutputStream()),
                100, () -> false).run(RunState.fresh(new TrainOptions("8/16", 0.2f, 4, 32, 0.05f, 0.001f, 0.5f, 0.9f,
                5e-4f, 0f, 0f, 0f, 9L, 0, 64)));
        assertThat(trained.bestValidationAccuracy()).as("well above chance (1 in 7)").isGreaterThan(0.4);

        float[][] uniform = new float[faces.count()][];
        Arrays.fill(uniform, UNIFORM);
        Path teacher = teacherRun.resolve("uniform-teacher.bin");
        new TeacherFile(List.of("uniform"), uniform).write(teacher);
        TrainOptions student = new TrainOptions("8/16", 0.2f, 1, 32, 1e-6f, 1e-7f, 0f, 0.9f, 0f, 0f, 0f, 0f, 9L, 0, 64,
                "plain", 0f, "sgd", "standard", 0, teacher.toString(), 1f,
                teacherRun.resolve(Checkpoints.BEST).toString());
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        RunState end = new DcnnTrainer(faces, rows, faces, studentRun, new PrintStream(log, true), 100, () -> false)
                .run(RunState.fresh(student));

        assertThat(log.toString()).contains("starting from the weights in " + teacherRun.resolve(Checkpoints.BEST));
        EpochResult first = end.history().get(0);
        // a tiny learning rate keeps the starting weights' skill (a random start reads about 1 in 7)
        assertThat(first.validationAccuracy()).isGreaterThan(trained.bestValidationAccuracy() - 0.05);
        // cross-entropy against a uniform target is at least ln 7, however sure the network is: the targets were
        // the teacher's, not the labels the network already fits
        assertThat(first.trainLoss()).isGreaterThanOrEqualTo(Math.log(7) - 1e-4);
        assertThat(RunState.read(studentRun).options().teacher()).isEqualTo(teacher.toString());
    }

    private static TrainOptions options(Path teacher, float teacherWeight, float ferPlusWeight) {
        return new TrainOptions("8/16", 0.2f, 2, 32, 0.05f, 0.001f, 0.5f, 0.9f, 5e-4f, 0f, 0f, ferPlusWeight, 9L, 0, 0,
                "plain", 0f, "sgd", "standard", 0, teacher == null ? null : teacher.toString(), teacherWeight, null);
    }
}
