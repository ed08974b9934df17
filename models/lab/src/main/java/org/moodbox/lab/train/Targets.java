package org.moodbox.lab.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.IntUnaryOperator;
import org.moodbox.models.fer.FerSet;

/**
 * Builds each training row's target distribution: the FER label one-hot, optionally mixed with the FER+
 * vote shares and then with a teacher's probabilities (distillation), smoothed, then scaled per class so rare
 * classes (disgust: 436 of 28,709) weigh more.
 */
final class Targets {
    private final FerSet train;
    private final float ferPlusWeight;
    private final float smoothing;
    private final float[] classWeights;
    private final IntUnaryOperator truth;
    private final float teacherWeight;
    private final float[][] teacher;

    Targets(FerSet train, int[] rows, TrainOptions options) throws IOException {
        if (options.ferPlusWeight() > 0 && !train.hasFerPlus()) {
            throw new IllegalArgumentException("FER+ soft labels asked for, but the data has no FER+ vote files");
        }
        this.train = train;
        this.ferPlusWeight = options.ferPlusWeight();
        this.smoothing = options.labelSmoothing();
        this.truth = options.judgedByFerPlus() ? train::ferPlusMajority : train::label;
        this.classWeights = ClassWeights.of(rows, truth, options.classWeightPower());
        this.teacherWeight = options.teacherWeight();
        this.teacher = teacherWeight > 0 ? TeacherFile.read(Path.of(options.teacher())).probabilities() : null;
        if (teacher != null && teacher.length != train.count()) {
            throw new IllegalArgumentException("the teacher file " + options.teacher() + " has " + teacher.length
                    + " rows, the training set " + train.count() + ": made for other data");
        }
    }

    /** The class row {@code r} counts as: its FER+ majority in a run on the votes, else its FER label. */
    int truth(int r) {
        return truth.applyAsInt(r);
    }

    float[] classWeights() {
        return classWeights.clone();
    }

    /** Writes row {@code r}'s weighted target into {@code out} at {@code offset} (seven values). */
    void write(int r, float[] out, int offset) {
        int k = FerSet.CLASSES;
        float[] soft = ferPlusWeight > 0 ? train.ferPlusDistribution(r) : null;
        int label = train.label(r);
        for (int c = 0; c < k; c++) {
            float hard = c == label ? 1f : 0f;
            float t = soft == null ? hard : (1 - ferPlusWeight) * hard + ferPlusWeight * soft[c];
            if (teacher != null) {
                t = (1 - teacherWeight) * t + teacherWeight * teacher[r][c];
            }
            t = (1 - smoothing) * t + smoothing / k;
            out[offset + c] = t * classWeights[c];
        }
    }
}
