package org.moodbox.lab.export;

import java.util.Locale;
import org.moodbox.lab.facenet.TemperatureScaling;
import org.moodbox.models.fer.FerSet;

/**
 * Post-hoc logit adjustment (Menon et al. 2021, "Long-tail learning via logit adjustment"): a network trained on
 * FER-2013's share of classes (neutral and happy two thirds of the rows, angry a twelfth, sad a ninth) leans to
 * the common classes when a face is unclear. Adding {@code -tau * ln(prior)} to each class's logit takes that lean
 * out by the amount tau: 0 leaves the network as trained, 1 answers as if every class were equally common. It
 * costs nothing at inference (it folds into the last dense layer's bias, see
 * {@link org.moodbox.models.quantize.TemperatureFold}), and tau is chosen on PublicTest, where this table is
 * printed; PrivateTest stays the test.
 */
public final class LogitAdjustment {
    private static final String[] NAMES = {"angry", "disgust", "fear", "happy", "sad", "surprise", "neutral"};

    private LogitAdjustment() {
    }

    /** The share of each class among the FER+ majority labels of the rows a run trains on. */
    public static double[] priors(FerSet train, int[] rows) {
        double[] counts = new double[FerSet.CLASSES];
        int counted = 0;
        for (int r : rows) {
            int majority = train.ferPlusMajority(r);
            if (majority >= 0) {
                counts[majority]++;
                counted++;
            }
        }
        for (int c = 0; c < counts.length; c++) {
            // A class no row has would get an infinite offset; half a row keeps it finite and still large.
            counts[c] = Math.max(counts[c], 0.5) / counted;
        }
        return counts;
    }

    public static double[] offsets(double[] priors, double tau) {
        double[] o = new double[priors.length];
        for (int c = 0; c < o.length; c++) {
            o[c] = -tau * Math.log(priors[c]);
        }
        return o;
    }

    /** One row a tau: the standard test, both views' recall of the classes posed faces show, neutral's pull. */
    public static String table(float[][] p, double t, double[] priors, FerSet set, double[] taus) {
        StringBuilder sb = new StringBuilder(ViewScores.header("tau"));
        for (double tau : taus) {
            float[][] q = TemperatureScaling.apply(p, t, offsets(priors, tau));
            sb.append(ViewScores.row(String.format(Locale.ROOT, "%5.2f", tau), q, set));
        }
        return sb.toString();
    }

    /** "angry 0.081, disgust 0.006, ..." for the log. */
    public static String describe(double[] values) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < values.length; c++) {
            sb.append(c == 0 ? "" : ", ").append(NAMES[c]).append(String.format(Locale.ROOT, " %.3f", values[c]));
        }
        return sb.toString();
    }
}
