package org.moodbox.web.admin;

import org.moodbox.model.Emotion;

/** Emotions as the pages name them to people. */
final class EmotionNames {
    private EmotionNames() {
    }

    static String of(Emotion emotion) {
        return switch (emotion) {
            case ANGRY -> "Angry";
            case DISGUST -> "Disgusted";
            case FEAR -> "Afraid";
            case HAPPY -> "Happy";
            case SAD -> "Sad";
            case SURPRISE -> "Surprised";
            case NEUTRAL -> "Neutral";
        };
    }
}
