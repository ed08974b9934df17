package org.moodbox.youtube;

import java.util.List;
import org.moodbox.model.Emotion;
import org.moodbox.model.MoodPoint;

/**
 * The moods YouTube is searched for, each one of the one table of mood words and points
 * ({@link MoodPoint}): its search phrase, and where on the valence/arousal plane the music it finds sits.
 * YouTube gives no audio features, so a video found by "calm relaxing songs" is filed at calm's point (with
 * provenance "estimated") and the recommender ranks it by that, as the Spotify source does with the mood of
 * the query that found a track.
 */
public enum MoodWord {
    HAPPY(MoodPoint.HAPPY),
    ENERGETIC(MoodPoint.ENERGETIC),
    CONTENT(MoodPoint.CONTENT),
    CALM(MoodPoint.CALM),
    CHILL(MoodPoint.CHILL),
    SAD(MoodPoint.SAD),
    ANGRY(MoodPoint.ANGRY),
    DARK(MoodPoint.DARK);

    final String words;
    final double valence;
    final double energy;

    MoodWord(MoodPoint point) {
        this.words = point.phrase();
        this.valence = point.valence();
        this.energy = point.arousal();
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
