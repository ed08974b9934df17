package org.moodbox.settings;

import java.util.LinkedHashMap;
import java.util.Map;

/** Collects every field's problem before failing, so the owner sees all of them at once, not one per try. */
final class FieldErrors {
    private final Map<String, String> errors = new LinkedHashMap<>();

    void add(String field, String message) {
        errors.putIfAbsent(field, message); // the first problem of a field is the one worth reading
    }

    boolean has(String field) {
        return errors.containsKey(field);
    }

    int count() {
        return errors.size();
    }

    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidSettingsException(errors);
        }
    }
}
