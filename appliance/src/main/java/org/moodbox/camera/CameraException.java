package org.moodbox.camera;

/** The camera failed or vanished; the message says how, for the owner's status page. */
public class CameraException extends Exception {
    private final boolean gone;

    public CameraException(String message, Throwable cause) {
        super(message, cause);
        this.gone = false;
    }

    public CameraException(String message) {
        this(message, false);
    }

    /** @param gone the source no longer exists (a deleted video file): waiting will not bring it back */
    public CameraException(String message, boolean gone) {
        super(message);
        this.gone = gone;
    }

    /** Whether the source itself is gone, so the status is "no camera" rather than "reconnecting". */
    public boolean gone() {
        return gone;
    }
}
