package org.moodbox.web.shared;

import java.time.Duration;
import java.util.Optional;

/** The next camera frame as a JPEG, for the signed-in owner aiming the camera; empty when no frame came in time. */
@FunctionalInterface
public interface CameraPreview {
    Optional<byte[]> jpeg(Duration timeout);
}
