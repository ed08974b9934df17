package org.moodbox.web.shared;

/**
 * A request the appliance refuses, with the status and the sentence the client should see.
 * The message is written for a person (the page shows it), never a stack trace.
 */
public final class ApiException extends RuntimeException {
    private final int status;

    public ApiException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, message);
    }

    public int status() {
        return status;
    }

    /** Error texts can quote what the client sent; a huge quote must not make a huge answer. */
    public static final int MAX_MESSAGE = 1000;

    /** The text cut to {@link #MAX_MESSAGE} characters. */
    public static String shortened(String text) {
        return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE) + "…";
    }
}
