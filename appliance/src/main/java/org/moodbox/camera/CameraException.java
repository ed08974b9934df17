package org.moodbox.camera;

/** The camera failed or vanished; the message says how, for the owner's status page. */
public class CameraException extends Exception {
    public CameraException(String message, Throwable cause) {
        super(message, cause);
    }

    public CameraException(String message) {
        super(message);
    }
}
