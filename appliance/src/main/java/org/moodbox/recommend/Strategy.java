package org.moodbox.recommend;

/**
 * How a mood becomes a target. Only MATCH exists yet; LIFT (the iso principle: meet the listener's mood,
 * then move step by step towards a better one, Altshuler 1948) and CALM come with the history issue.
 */
public enum Strategy {
    /** Aim at the mood itself: sad music for a sad listener, lively music for a happy one. */
    MATCH;

    /** Parses "match" (any case); a clear error names the strategies that exist. */
    public static Strategy parse(String name) {
        for (Strategy s : values()) {
            if (s.name().equalsIgnoreCase(name.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown strategy '" + name + "': expected "
                + java.util.Arrays.stream(values()).map(v -> v.name().toLowerCase(java.util.Locale.ROOT)).toList());
    }
}
