package org.moodbox.vision;

/**
 * How the eyes are doing, for the status page and the kiosk's camera indicator. Numbers only.
 *
 * @param cameraState    how the camera is doing ({@link CameraState})
 * @param message        the last camera or pipeline problem in words, or null
 * @param pipeline       the detector and emotion model running, e.g. "mtcnn-int8 + cnn-int8"
 * @param failedAttempts camera opens that failed in a row (0 while frames arrive)
 * @param load           full detections and emotion readings per second, and the vision thread's CPU use
 */
public record VisionStatus(CameraState cameraState, String camera, String message, double framesPerSecond,
                           StageTimings lastTimings, int lastFaceCount, String pipeline, int failedAttempts,
                           VisionLoad load) {
}
