package org.moodbox.vision;

/**
 * How the eyes are doing, for the status page and the kiosk's camera indicator. Numbers only.
 *
 * @param cameraState "starting", "running", "reconnecting" or "stopped"
 * @param message     the last camera problem in words, or null
 */
public record VisionStatus(String cameraState, String camera, String message, double framesPerSecond,
                           StageTimings lastTimings, int lastFaceCount, String pipeline) {
}
