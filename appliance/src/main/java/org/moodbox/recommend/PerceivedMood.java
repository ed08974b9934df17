package org.moodbox.recommend;

import org.moodbox.model.MoodPoint;
import org.moodbox.model.Features;

/**
 * How a track is likely to feel to a listener: perceived valence and arousal on the absolute 0..1 scale the
 * emotion anchors live on ({@link MoodPoint}, Warriner et al. 2013), from what the catalog knows of it.
 *
 * <p>Two small linear models, each a handful of coefficients, fitted by {@code moodbox eval mood-model} (see
 * there for the data and the cross-validated figures; the README's recommendation section explains what the
 * model is and is not):
 * <ul>
 *   <li>{@link #FULL} when the source gives Spotify's loudness, acousticness and danceability besides valence,
 *       energy and tempo (imported tables);</li>
 *   <li>{@link #BASIC} from valence, energy and tempo only: our own analysis of local files
 *       (catalog.MoodFeatureModel already folds loudness, onset rate and brightness into its energy), and
 *       search estimates, which are points of {@link MoodPoint} and pass through unchanged.</li>
 * </ul>
 * Inputs are scaled to about 0..1 first ({@link #inputs}); an unknown tempo counts as the middle.
 */
public final class PerceivedMood {
    /** Names of the inputs, in order, of each model. */
    public static final String[] FULL_INPUTS = {"1", "valence", "energy", "loudness", "acousticness", "tempo",
            "danceability"};
    public static final String[] BASIC_INPUTS = {"1", "valence", "energy", "tempo"};

    /** Coefficients over {@link #FULL_INPUTS}: row 0 valence, row 1 arousal. Printed by eval mood-model. */
    static final double[][] FULL = {
            {0.181, 0.421, 0.397, 0.000, 0.000, -0.023, 0.000},
            {0.147, 0.073, 0.344, 0.205, -0.309, 0.055, 0.012}};
    /** Coefficients over {@link #BASIC_INPUTS}: row 0 valence, row 1 arousal. Printed by eval mood-model. */
    static final double[][] BASIC = {
            {0.181, 0.421, 0.397, -0.023},
            {-0.152, 0.148, 0.826, 0.128}};

    /**
     * Whether valence reads input {@code i}: not loudness, acousticness or danceability. Fitted, they took
     * weights that follow the labelled playlists' genres rather than the music's mood (danceability came out
     * negative because the sad and dark playlists are danceable trap; loudness positive, so a loud song with
     * Spotify valence .1 read brighter than average), against the published directions (Gabrielsson and
     * Lindström 2010; Eerola, Friberg and Bresin 2013: loudness and timbre speak mostly for arousal). They
     * inform arousal only.
     */
    public static boolean valenceReads(int input, boolean full) {
        if (!full) {
            return true;
        }
        String name = FULL_INPUTS[input];
        return !name.equals("loudness") && !name.equals("acousticness") && !name.equals("danceability");
    }

    /** A point on the perceived plane. */
    public record Point(double valence, double arousal) {
        public double distanceTo(double otherValence, double otherArousal) {
            return Math.hypot(valence - otherValence, arousal - otherArousal);
        }
    }

    private PerceivedMood() {
    }

    /** The perceived mood of a track's features; search estimates ("estimated") are already points. */
    public static Point of(Features f) {
        if ("estimated".equals(f.provenance())) {
            return new Point(f.valence(), f.energy());
        }
        return of(f, f.hasSpotifyCues() ? FULL : BASIC);
    }

    /** With given coefficients (the fitting command tries its own). */
    public static Point of(Features f, double[][] coefficients) {
        double[] x = inputs(f, coefficients[0].length == FULL_INPUTS.length);
        return new Point(clamp(dot(coefficients[0], x)), clamp(dot(coefficients[1], x)));
    }

    /**
     * The model's inputs: loudness -30..0 dB to 0..1, tempo 60..180 BPM to 0..1 (unknown: 0.5). Mode is not
     * one: fitted, it came out with the sign against the published direction (major reads happier, Eerola,
     * Friberg and Bresin 2013), which weak playlist labels and Spotify's noisy mode cannot overturn; the
     * local analysis keeps it inside its own valence (catalog.MoodFeatureModel).
     */
    public static double[] inputs(Features f, boolean full) {
        double tempo = f.tempo() == null ? 0.5 : clamp((f.tempo() - 60) / 120);
        if (!full) {
            return new double[] {1, f.valence(), f.energy(), tempo};
        }
        double loudness = clamp((f.loudness() + 30) / 30);
        return new double[] {1, f.valence(), f.energy(), loudness, f.acousticness(), tempo, f.danceability()};
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
