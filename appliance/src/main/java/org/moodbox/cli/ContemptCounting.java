package org.moodbox.cli;

import java.util.Locale;
import java.util.Map;

/**
 * How {@code eval emotion} reports the faces the standard FER+ test keeps although FER-2013 has no class for them
 * (contempt): said in words beside the figures, since published FER+ figures differ in how they count them.
 */
final class ContemptCounting {
    static final String HOW = "as misses: in accuracy's denominator whatever the model says; macro-F1 is over the"
            + " seven FER classes, where they are false negatives of no FER class, so they lower accuracy only";

    private ContemptCounting() {
    }

    /** The face count and how contempt faces were counted, for people; empty when the rule keeps none. */
    static String text(EmotionScores scores, boolean ruleKeepsContempt) {
        if (!ruleKeepsContempt) {
            return "";
        }
        return String.format(Locale.ROOT, "%d faces: %d of the seven FER classes and %d contempt, counted %s%n"
                        + "accuracy over the %d seven-class faces %.4f%n", scores.total(), scores.sevenClassTotal(),
                scores.outsideClasses(), HOW, scores.sevenClassTotal(), scores.sevenClassAccuracy());
    }

    /** The same for the JSON line. */
    static void json(EmotionScores scores, boolean ruleKeepsContempt, Map<String, Object> json) {
        if (!ruleKeepsContempt) {
            return;
        }
        json.put("sevenClassAccuracy", EmotionScores.round(scores.sevenClassAccuracy()));
        json.put("sevenClassFaces", scores.sevenClassTotal());
        json.put("contemptFaces", scores.outsideClasses());
        json.put("contemptCounted", HOW);
    }
}
