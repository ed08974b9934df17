package org.moodbox.models.tfjs;

/** The TF.js model uses an op, attribute or weight encoding the converter does not handle. */
public final class UnsupportedModelException extends RuntimeException {
    public UnsupportedModelException(String message) {
        super(message);
    }
}
