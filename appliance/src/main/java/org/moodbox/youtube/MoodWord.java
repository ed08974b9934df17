package org.moodbox.youtube;

import java.util.List;
import org.moodbox.model.Emotion;

/**
 * The words a search uses for a kind of music, and where on the valence/energy plane that music sits.
 * YouTube gives no audio features, so a video found by "calm relaxing songs" is filed at calm's point (with
 * provenance "estimated") and the recommender ranks it by that, as the Spotify source does with the mood
 * of the query that found a track.
 *
 * <p>Points: the emotions' Warriner et al. anchors ({@link Emotion}); calm (.74, .08) and content (.80, .40)
 * are the recommender's own anchors (MoodTargets).
 */
public enum MoodWord {
    HAPPY("happy upbeat songs", Emotion.HAPPY.valence(), Emotion.HAPPY.arousal()),
    ENERGETIC("energetic feel good songs", Emotion.SURPRISE.valence(), Emotion.SURPRISE.arousal()),
    CONTENT("feel good songs", 0.80, 0.40),
    CALM("calm relaxing songs", 0.74, 0.08),
    CHILL("chill songs", Emotion.NEUTRAL.valence(), Emotion.NEUTRAL.arousal()),
    SAD("sad songs", Emotion.SAD.valence(), Emotion.SAD.arousal()),
    ANGRY("angry intense songs", Emotion.ANGRY.valence(), Emotion.ANGRY.arousal()),
    DARK("dark moody songs", Emotion.FEAR.valence(), Emotion.FEAR.arousal());

    final String words;
    final double valence;
    final double energy;

    MoodWord(String words, double valence, double energy) {
        this.words = words;
        this.valence = valence;
        this.energy = energy;
    }

    /**
     * What to search for a listener in this mood: music of the mood itself, then music of where the
     * recommender's default plan leads from it (sad lifts toward content, angry and fear calm down), so the
     * candidates cover the strategies the owner is likely to use.
     */
    static List<MoodWord> forEmotion(Emotion emotion) {
        return switch (emotion) {
            case HAPPY -> List.of(HAPPY, ENERGETIC);
            case SURPRISE -> List.of(ENERGETIC, HAPPY);
            case NEUTRAL -> List.of(CHILL, CONTENT);
            case SAD -> List.of(SAD, CONTENT);
            case DISGUST -> List.of(DARK, CONTENT);
            case ANGRY -> List.of(ANGRY, CALM);
            case FEAR -> List.of(DARK, CALM);
        };
    }
}
