package org.moodbox.recommend;

import org.moodbox.model.Mood;
import org.moodbox.model.Emotion;

/**
 * Where each strategy aims, as a point on the percentile plane (0..1 valence, 0..1 energy), and where a
 * lift from each emotion is heading.
 *
 * <p>Anchors: calm is V .74 A .08 (Warriner et al. 2013, shared/data/music/README.md). "Content" is not in
 * those norms; we place it at V .80 A .40, between happy (.93, .63) and calm (.74, .08): pleasant without
 * asking for energy a sad listener does not have. Our choice, to be revisited with listening tests.
 */
final class MoodTargets {
    static final Point CALM = new Point(0.74, 0.08, "calm");
    static final Point CONTENT = new Point(0.80, 0.40, "content");

    private MoodTargets() {
    }

    /** A target point with the everyday word for the mood it stands for. */
    record Point(double valence, double energy, String label) {
        double distanceTo(Point other) {
            return Math.hypot(valence - other.valence, energy - other.energy);
        }
    }

    /** Where a lift from this emotion ends: sad and disgust toward content, angry and fear toward calm. */
    static Point liftGoal(Emotion emotion) {
        return switch (emotion) {
            case ANGRY, FEAR -> CALM;
            case HAPPY, SURPRISE -> new Point(emotion.valence(), emotion.arousal(), emotion.label());
            default -> CONTENT;
        };
    }

    static Point start(Mood mood) {
        return new Point(mood.valence(), mood.arousal(), mood.label());
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
                from.energy + (to.energy - from.energy) * f, to.label);
    }
}
