package org.moodbox.youtube;

/** A search the Data API did not answer with videos, sorted by what the box should do about it. */
public final class YoutubeApiException extends Exception {
    public enum Kind {
        /** 403 quotaExceeded: nothing more today; Google resets the quota at midnight Pacific time. */
        QUOTA_EXCEEDED,
        /** Any other 4xx (bad or restricted key, API not enabled): retrying will not help, the owner must act. */
        REFUSED,
        /** 5xx, 429, timeouts, no network, an answer that is not the documented JSON: try again later. */
        UNAVAILABLE
    }

    private final Kind kind;
    private final int status;

    YoutubeApiException(Kind kind, int status, String message) {
        super(message);
        this.kind = kind;
        this.status = status;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, 0 when there was no answer at all. */
    public int status() {
        return status;
    }
}
