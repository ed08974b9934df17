package org.moodbox.vision;

/**
 * How the eyes are doing, for the status page and the kiosk's camera indicator. Numbers only.
 *
 * @param cameraState    "starting", "running", "reconnecting" (the camera worked and was lost), "no camera"
 *                       (it has not delivered a frame since the box started, e.g. not plugged in or the wrong
 *                       device), "stopped" (closed) or "failed" (the loop's thread ended on an error: the
 *                       message says which, and the watchdog restarts the box)
 * @param message        the last camera or pipeline problem in words, or null
 * @param pipeline       the detector and emotion model running, e.g. "mtcnn-int8 + cnn-int8"
 * @param failedAttempts camera opens that failed in a row (0 while frames arrive)
 */
public record VisionStatus(String cameraState, String camera, String message, double framesPerSecond,
                           StageTimings lastTimings, int lastFaceCount, String pipeline, int failedAttempts) {
}
