package org.moodbox.vision;

/** One face in one frame with the expression read from it. */
public record FaceReading(DetectedFace face, EmotionReading emotion) {
}
