package org.moodbox.models.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.moodbox.models.ModelFiles;
import org.moodbox.models.fer.FerSet;
import org.moodbox.models.fer.FerSplit;

/** The shipped int8 emotion CNN against its float original on all 3,589 FER-2013 private-test faces. */
class Int8AgreementTest {
    /** $MOODBOX_SHARED_DATA/fer2013, or ../../shared/data/fer2013 beside a checkout (research data, never shipped). */
    static Path ferFolder() {
        String env = System.getenv("MOODBOX_SHARED_DATA");
        return env != null ? Path.of(env, "fer2013") : Path.of("../../shared/data/fer2013");
    }

    private static FerSet privateTestOrSkip() throws IOException {
        Path folder = ferFolder();
        boolean present = FerSet.present(folder, FerSplit.PRIVATETEST);
        if (!present) {
            System.out.println("skipped: FER-2013 not found at " + folder.toAbsolutePath() + " (set MOODBOX_SHARED_DATA)");
        }
        assumeThat(present).as("FER-2013 not found at " + folder.toAbsolutePath()).isTrue();
        FerSet test = FerSet.load(folder, FerSplit.PRIVATETEST);
        assertThat(test.count()).isEqualTo(3589);
        return test;
    }

    private static Int8Agreement measured(String model, String floatFile, String int8File) throws IOException {
        FerSet test = privateTestOrSkip();
        Int8Agreement a = Int8Agreement.measure(ModelFiles.bytes(floatFile), ModelFiles.bytes(int8File), test);
        System.out.printf("%s int8 vs float on FER-2013 private test: %d/%d same argmax (%.2f%%), accuracy float %.2f%%"
                        + " int8 %.2f%%, max |dp| %.3f%n", model, a.sameArgmax(), a.images(), 100 * a.agreement(),
                100 * a.floatAccuracy(), 100 * a.int8Accuracy(), a.maxProbabilityGap());
        return a;
    }

    @Test
    void int8PicksTheFloatModelsClassOnMostOfThePrivateTest() throws IOException {
        Int8Agreement a = measured("CNN", ModelFiles.EMOTION_CNN, ModelFiles.EMOTION_CNN_INT8);
        // The target is 99%; this quantizer reaches 97.2% (min/max ranges; MSE-clipped ranges, float
        // logits and up to seven float layers were tried and did not reach 99%, see the README), so cnn-int8
        // is not the default. The bound holds the measured level: a regression below it fails.
        assertThat(a.agreement()).isGreaterThanOrEqualTo(0.965);
        // The float model is the published mini-Xception (about 66% on this split); int8 must not lose more than a point.
        assertThat(a.floatAccuracy()).isBetween(0.55, 0.80);
        assertThat(a.int8Accuracy()).isGreaterThan(a.floatAccuracy() - 0.01);
    }

    @Test
    void ourInt8DcnnPicksItsFloatOriginalsClassOnMostOfThePrivateTest() throws IOException {
        Int8Agreement a = measured("DCNN", ModelFiles.EMOTION_DCNN_FLOAT, ModelFiles.EMOTION_DCNN);
        // The committed model measures 98.47% (target 99%, see models/trained/emotion-dcnn.md); the floor holds
        // that level, so a regression of the quantizer or a worse export fails.
        assertThat(a.agreement()).isGreaterThanOrEqualTo(DCNN_AGREEMENT_FLOOR);
        assertThat(a.int8Accuracy()).isGreaterThan(a.floatAccuracy() - 0.01);
    }

    private static final double DCNN_AGREEMENT_FLOOR = 0.98;
}
