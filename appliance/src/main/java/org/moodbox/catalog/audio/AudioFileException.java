package org.moodbox.catalog.audio;

/** One audio file could not be read; the scan reports it and goes on with the next. */
public class AudioFileException extends RuntimeException {
    public AudioFileException(String message) {
        super(message);
    }

    public AudioFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
