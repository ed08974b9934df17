package org.moodbox.recommend;

import org.moodbox.mood.Mood;

/**
 * The one line on a card: what the song is like, in everyday words, and why it fits. Words come from the
 * track's place in the catalog (percentiles), the same numbers the ranking used, so the reason never
 * contradicts the choice.
 */
final class ReasonWriter {
    private ReasonWriter() {
    }

    static String reason(double valencePercentile, double energyPercentile, Mood mood) {
        String character = capitalise(valenceWord(valencePercentile)) + " and " + energyWord(energyPercentile);
        if (!mood.present()) {
            return character + ", for whoever comes by next";
        }
        if (!mood.sure()) {
            return character + ", for what looks like a " + mood.label() + " mood";
        }
        return character + ", to match your " + mood.label() + " mood";
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
