package org.moodbox.models.build;

/**
 * A build step that cannot go on. The message is written for the person running the build: it names the
 * package, version and file involved and says what to do, because Maven prints little else.
 */
public final class ModelBuildException extends RuntimeException {
    public ModelBuildException(String message) {
        super(message);
    }

    public ModelBuildException(String message, Throwable cause) {
        super(message, cause);
    }
}
