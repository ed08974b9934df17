package org.moodbox.recommend;

import org.moodbox.model.MoodPoint;
import org.moodbox.model.Mood;
import org.moodbox.model.Emotion;
import org.moodbox.model.Strategy;

/**
 * Where each strategy aims: an absolute point on the perceived valence/arousal plane ({@link PerceivedMood},
 * the Warriner scale of the emotion anchors), never a catalog percentile, so "sad" means sad music however
 * loud the catalog is. Points come from the one table of moods, {@link MoodPoint}.
 *
 * <ul>
 *   <li>match: the mood's own point, keeping moods apart. Each emotion's reach is how far the library's
 *       nearest track is from its point; a track's "excess" for an emotion is its distance beyond that reach.
 *       A track belongs to the emotion of least excess (a Voronoi split with the reaches as weights), and pays
 *       {@link #RIVAL_PENALTY} times the gap when it belongs to another. So where a library has nothing near
 *       angry (.19/.65) nor fear (.20/.58), 0.07 apart, their cards still part: each takes the tracks on
 *       its side of the shared frontier, while its own ranking stays plain distance to its own point;</li>
 *   <li>calm: calm's point (V .74 A .08), with arousal counted {@link #CALM_AROUSAL_WEIGHT} times as much as
 *       valence, so a quiet song wins over a bright loud one: calm lowers arousal first;</li>
 *   <li>lift: from the mood's point toward its goal (sad and disgust toward content, angry and fear toward
 *       calm), one equal step per track (the iso principle, Altshuler 1948).</li>
 * </ul>
 */
final class MoodTargets {
    /** Calm weighs an arousal miss this many times a valence miss (squared distance: 4 times the distance). */
    static final double CALM_AROUSAL_WEIGHT = 16;
    /** What a match track pays per unit of excess beyond the excess it has for the emotion it belongs to. */
    static final double RIVAL_PENALTY = 2;
    private static final double[][] NO_RIVALS = new double[0][];
    static final Point CALM = point(MoodPoint.CALM, CALM_AROUSAL_WEIGHT);
    static final Point CONTENT = point(MoodPoint.CONTENT, 1);

    private MoodTargets() {
    }

    /**
     * A target: where on the perceived plane, how much an arousal miss counts against a valence miss (1 = a
     * plain distance), the everyday word for the mood it stands for, and the rival points (valence, arousal,
     * reach) whose side a track should not be on, with this target's own reach. The distance is never less
     * than the plain one, which the grid search's bound needs.
     */
    record Point(double valence, double arousal, double arousalWeight, String label, double[][] rivals,
                 double ownReach) {
        Point {
            if (arousalWeight < 1) {
                throw new IllegalArgumentException("the arousal weight is at least 1 (the search bound needs it)");
            }
        }

        Point(double valence, double arousal, double arousalWeight, String label) {
            this(valence, arousal, arousalWeight, label, NO_RIVALS, 0);
        }

        /** Distance with the arousal weight but without the rival penalty: never more than {@link #distance}. */
        double weightedDistance(double v, double a) {
            double dv = v - valence;
            double da = a - arousal;
            return Math.sqrt(dv * dv + arousalWeight * da * da);
        }

        /** Distance of a perceived (valence, arousal) from this target, with the weight and the rival penalty. */
        double distance(double v, double a) {
            double d = weightedDistance(v, a);
            if (rivals.length == 0) {
                return d;
            }
            double ownExcess = d - ownReach;
            double leastRivalExcess = Double.POSITIVE_INFINITY;
            for (double[] r : rivals) { // sqrt, not Math.hypot: this runs per track scanned, and hypot is slow
                double rv = v - r[0];
                double ra = a - r[1];
                leastRivalExcess = Math.min(leastRivalExcess, Math.sqrt(rv * rv + ra * ra) - r[2]);
            }
            return d + RIVAL_PENALTY * Math.max(0, ownExcess - leastRivalExcess);
        }

        /**
         * This target keeping apart from the other emotions' points.
         *
         * @param reach per emotion (by ordinal), how far the library's nearest track is from its point
         */
        Point apartFrom(Emotion own, double[] reach) {
            double[][] others = new double[Emotion.values().length - 1][];
            int k = 0;
            for (Emotion e : Emotion.values()) {
                if (e != own) {
                    others[k++] = new double[] {e.valence(), e.arousal(), reach[e.ordinal()]};
                }
            }
            return new Point(valence, arousal, arousalWeight, label, others, reach[own.ordinal()]);
        }
    }

    private static Point point(MoodPoint m, double arousalWeight) {
        return new Point(m.valence(), m.arousal(), arousalWeight, m.name().toLowerCase(java.util.Locale.ROOT));
    }

    /** Where a lift from this emotion ends: sad and disgust toward content, angry and fear toward calm. */
    static Point liftGoal(Emotion emotion) {
        return switch (emotion) {
            case ANGRY, FEAR -> new Point(CALM.valence(), CALM.arousal(), 1, CALM.label());
            case HAPPY, SURPRISE -> new Point(emotion.valence(), emotion.arousal(), 1, emotion.label());
            default -> CONTENT;
        };
    }

    static Point start(Mood mood) {
        return new Point(mood.valence(), mood.arousal(), 1, mood.label());
    }

    /**
     * The target of a strategy; match, and a lift's first track (meeting the mood), keep moods apart.
     *
     * @param reach per emotion (by ordinal), how far the library's nearest track is from its point
     */
    static Point of(Strategy strategy, Mood mood, int step, int steps, double[] reach) {
        return switch (strategy) {
            case MATCH -> start(mood).apartFrom(mood.emotion(), reach);
            case CALM -> CALM;
            case LIFT -> step == 0 ? start(mood).apartFrom(mood.emotion(), reach) : liftStep(mood, step, steps);
        };
    }

    /**
     * The target of lift step {@code step} of {@code steps}: step 0 is the mood itself, step {@code steps}
     * (and beyond) the goal, linear in between, so each track moves the same distance closer.
     */
    static Point liftStep(Mood mood, int step, int steps) {
        Point from = start(mood);
        Point to = liftGoal(mood.emotion());
        double f = Math.min(step, steps) / (double) steps;
        return new Point(from.valence + (to.valence - from.valence) * f,
                from.arousal + (to.arousal - from.arousal) * f, 1, f == 0 ? from.label : to.label);
    }
}
