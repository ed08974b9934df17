package org.moodbox.recommend;

import java.util.Map;
import org.moodbox.model.Mood;
import org.moodbox.model.Strategy;

/**
 * The one line on a card: what the song is like, in everyday words, and why it fits. The words describe the
 * track's own perceived mood ({@link PerceivedMood}, absolute), never its rank in the catalog, so a song
 * called melancholy is one that sounds unpleasant to most listeners, whatever else the library holds. A
 * strategy other than match is named in plain words ("a step from sad toward content"), so the listener sees
 * the music is moving on purpose. When nothing in the library is near the target, the card says so first
 * ("Nothing really calm here; these are the calmest").
 */
final class ReasonWriter {
    /** Perceived valence at or below this is "melancholy", at or above {@link #BRIGHT} "bright". */
    static final double MELANCHOLY = 0.35;
    static final double BRIGHT = 0.65;
    /** Perceived arousal at or below this is "gentle", at or above {@link #LIVELY} "lively". */
    static final double GENTLE = 0.30;
    static final double LIVELY = 0.60;

    /** The word for a target's mood in "nothing really ... here", and its superlative. */
    private static final Map<String, String> ADJECTIVE = Map.of("fear", "fearful", "disgust", "dark", "surprise",
            "surprising");
    private static final Map<String, String> MOST = Map.of("calm", "calmest", "happy", "happiest", "sad",
            "saddest", "angry", "angriest", "content", "most content", "fear", "most fearful", "surprise",
            "liveliest", "disgust", "darkest", "neutral", "most even");

    private ReasonWriter() {
    }

    static String reason(double valence, double arousal, Mood mood) {
        return reason(valence, arousal, mood, Strategy.MATCH, 0, 1, null);
    }

    /**
     * @param step    which lift step this track is (0 = meeting the mood); ignored for match and calm
     * @param farFrom the target's label when nothing in the library is near it, else null
     */
    static String reason(double valence, double arousal, Mood mood, Strategy strategy, int step, int steps,
                         String farFrom) {
        String character = capitalise(valenceWord(valence)) + " and " + arousalWord(arousal);
        String why = why(character, mood, strategy, step, steps);
        if (farFrom == null) {
            return why;
        }
        return "Nothing really " + ADJECTIVE.getOrDefault(farFrom, farFrom) + " here; these are the "
                + MOST.getOrDefault(farFrom, "closest to " + farFrom) + ". " + why;
    }

    private static String why(String character, Mood mood, Strategy strategy, int step, int steps) {
        if (!mood.present()) {
            return character + ", for whoever comes by next";
        }
        String moodWords = mood.sure() ? "your " + mood.label() + " mood" : "what looks like a " + mood.label() + " mood";
        return switch (strategy) {
            case MATCH -> character + ", to match " + moodWords;
            case CALM -> character + ", to calm " + moodWords;
            case LIFT -> liftReason(character, mood, step, steps, moodWords);
        };
    }

    private static String liftReason(String character, Mood mood, int step, int steps, String moodWords) {
        String goal = MoodTargets.liftGoal(mood.emotion()).label();
        if (step <= 0) {
            return character + ", to meet " + moodWords + " before moving toward " + goal;
        }
        if (step >= steps) {
            return character + ": " + goal + ", where the lift from " + mood.label() + " was heading";
        }
        return character + ": a step from " + mood.label() + " toward " + goal;
    }

    static String valenceWord(double perceivedValence) {
        if (perceivedValence >= BRIGHT) {
            return "bright";
        }
        return perceivedValence <= MELANCHOLY ? "melancholy" : "mellow";
    }

    static String arousalWord(double perceivedArousal) {
        if (perceivedArousal >= LIVELY) {
            return "lively";
        }
        return perceivedArousal <= GENTLE ? "gentle" : "steady";
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
