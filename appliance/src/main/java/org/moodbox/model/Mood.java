package org.moodbox.model;

import java.time.Instant;
import java.util.Map;

/**
 * What the appliance believes about the listener now: the leading emotion, the smoothed
 * probabilities, the valence/arousal point they imply (0..1 each), and how sure it is.
 *
 * @param present  someone is in front of the camera
 * @param sure     confidence is above the "not sure" threshold
 * @param source   "camera", "override" (the listener tapped "not my mood") or "none"
 */
public record Mood(Emotion emotion, Map<Emotion, Double> probabilities, double valence, double arousal,
                   double confidence, boolean present, boolean sure, String source, Instant at) {

    public Mood {
        probabilities = Map.copyOf(probabilities);
    }

    /** Nobody there: the recommender falls back to a calm neutral point. */
    public static Mood nobody(Instant at) {
        return new Mood(Emotion.NEUTRAL, Map.of(), Emotion.NEUTRAL.valence(), Emotion.NEUTRAL.arousal(),
                0, false, false, "none", at);
    }

    /** A mood chosen by hand on the screen: certain by definition. */
    public static Mood chosen(Emotion emotion, Instant at) {
        return new Mood(emotion, Map.of(emotion, 1.0), emotion.valence(), emotion.arousal(), 1.0, true, true,
                "override", at);
    }

    public String label() {
        return emotion.label();
    }
}
