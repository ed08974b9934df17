package org.moodbox.models.quantize;

/** The float model uses something the quantizer cannot handle; the message says what. */
public final class UnsupportedModelException extends IllegalArgumentException {
    public UnsupportedModelException(String message) {
        super(message);
    }
}
