package org.moodbox.vision;

/** A face found in one frame; landmarks are null for detectors that give none. */
public record DetectedFace(BoundingBox box, float score, Landmarks landmarks) {
}
