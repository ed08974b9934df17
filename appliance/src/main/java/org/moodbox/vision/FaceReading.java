package org.moodbox.vision;

/**
 * One face in one frame with the expression read from it.
 *
 * @param trackId the same number for the same person from frame to frame while the vision room follows them
 *                (positive); 0 when the face was not followed (every reading is then one anonymous person)
 */
public record FaceReading(DetectedFace face, EmotionReading emotion, int trackId) {
    /** A face not followed between frames. */
    public FaceReading(DetectedFace face, EmotionReading emotion) {
        this(face, emotion, 0);
    }
}
