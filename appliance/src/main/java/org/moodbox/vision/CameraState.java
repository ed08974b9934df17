package org.moodbox.vision;

import java.util.Locale;

/** How the camera is doing, as the vision loop reports it; {@link #label()} is what pages and logs show. */
public enum CameraState {
    STARTING,
    RUNNING,
    /** The camera worked and was lost. */
    RECONNECTING,
    /** It has not delivered a frame since the box started (not plugged in, or the wrong device). */
    NO_CAMERA,
    /** Closed. */
    STOPPED,
    /** The owner turned the camera off (a privacy switch): the device is closed and nobody is seen. */
    OFF,
    /** The loop's thread ended on an error: the message says which, and the watchdog restarts the box. */
    FAILED;

    /** "running", "no camera": the words the status page and the admin API have always shown. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    @Override
    public String toString() {
        return label();
    }
}
