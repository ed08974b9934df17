package org.moodbox.youtube;

import java.util.regex.Pattern;

/** YouTube video ids: 11 characters of the URL-safe base64 alphabet. */
final class VideoIds {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{11}");
    private static final String WATCH_PREFIX = "https://www.youtube.com/watch?v=";

    private VideoIds() {
    }

    static boolean valid(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** The id of a watch URL the box itself wrote, or null. */
    static String fromWatchUrl(String uri) {
        if (uri == null || !uri.startsWith(WATCH_PREFIX)) {
            return null;
        }
        String id = uri.substring(WATCH_PREFIX.length());
        return valid(id) ? id : null;
    }

    static String watchUrl(String id) {
        if (!valid(id)) {
            throw new IllegalArgumentException("not a YouTube video id: " + id);
        }
        return WATCH_PREFIX + id;
    }
}
