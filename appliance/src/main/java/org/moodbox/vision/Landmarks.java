package org.moodbox.vision;

/**
 * MTCNN's five points in frame pixels: the eyes as seen in the image (left = smaller x),
 * the nose tip and the mouth corners.
 */
public record Landmarks(float[] x, float[] y) {
    public static final String[] NAMES = {"leftEye", "rightEye", "nose", "mouthLeft", "mouthRight"};

    public Landmarks {
        if (x.length != 5 || y.length != 5) {
            throw new IllegalArgumentException("five landmarks expected");
        }
    }
}
