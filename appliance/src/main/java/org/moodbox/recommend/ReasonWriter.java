package org.moodbox.recommend;

import org.moodbox.model.Strategy;

import org.moodbox.model.Mood;

/**
 * The one line on a card: what the song is like, in everyday words, and why it fits. Words come from the
 * track's place in the catalog (percentiles), the same numbers the ranking used, so the reason never
 * contradicts the choice. A strategy other than match is named in plain words ("a step from sad toward
 * content"), so the listener sees the music is moving on purpose.
 */
final class ReasonWriter {
    private ReasonWriter() {
    }

    static String reason(double valencePercentile, double energyPercentile, Mood mood) {
        return reason(valencePercentile, energyPercentile, mood, Strategy.MATCH, 0, 1);
    }

    /** @param step which lift step this track is (0 = meeting the mood); ignored for match and calm */
    static String reason(double valencePercentile, double energyPercentile, Mood mood, Strategy strategy,
                         int step, int steps) {
        String character = capitalise(valenceWord(valencePercentile)) + " and " + energyWord(energyPercentile);
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

    static String valenceWord(double percentile) {
        if (percentile >= 0.7) {
            return "bright";
        }
        return percentile <= 0.3 ? "melancholy" : "mellow";
    }

    static String energyWord(double percentile) {
        if (percentile >= 0.7) {
            return "lively";
        }
        return percentile <= 0.3 ? "gentle" : "steady";
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
