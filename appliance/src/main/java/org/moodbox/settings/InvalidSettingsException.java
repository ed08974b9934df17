package org.moodbox.settings;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Settings that cannot be accepted, with one sentence per field (keyed by the JSON field path, such as
 * {@code volumeCap} or {@code screenSchedule.nightDimStart}) so that a form can show each next to its input.
 */
public final class InvalidSettingsException extends RuntimeException {
    private final Map<String, String> fieldErrors;

    public InvalidSettingsException(Map<String, String> fieldErrors) {
        super(summary(fieldErrors), null, false, false);
        this.fieldErrors = Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
    }

    /** Field path -> what is wrong with it, in the order the fields were checked. */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    private static String summary(Map<String, String> errors) {
        return "invalid settings: " + errors.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("; "));
    }
}
