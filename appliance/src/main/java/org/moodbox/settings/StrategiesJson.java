package org.moodbox.settings;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.moodbox.model.Strategy;
import org.moodbox.model.Emotion;

/**
 * The strategy per emotion as JSON: {@code {"sad": "lift", "angry": "calm"}}. Emotions the object leaves out
 * keep the base's strategy, so a form may send one row. Problems are reported per emotion
 * ({@code strategies.sad}), so the page can put the message next to that emotion's choice.
 */
final class StrategiesJson {
    private StrategiesJson() {
    }

    static Map<Emotion, Strategy> read(FieldErrors errors, JsonNode node, Map<Emotion, Strategy> base) {
        if (node == null) {
            return base;
        }
        if (!node.isObject()) {
            errors.add("strategies", "must be an object like {\"sad\": \"lift\", \"angry\": \"calm\"}");
            return base;
        }
        Map<Emotion, Strategy> plan = new EnumMap<>(Emotion.class);
        plan.putAll(base);
        node.fields().forEachRemaining(entry -> {
            Emotion emotion = emotion(entry.getKey());
            if (emotion == null) {
                errors.add("strategies." + entry.getKey(), "is not an emotion; the emotions are " + emotions());
                return;
            }
            JsonNode value = entry.getValue();
            Strategy strategy = value.isTextual() ? strategy(value.textValue()) : null;
            if (strategy == null) {
                errors.add("strategies." + emotion.label(), "must be one of " + strategies() + ", got " + value);
            } else {
                plan.put(emotion, strategy);
            }
        });
        return plan;
    }

    private static Emotion emotion(String label) {
        return Arrays.stream(Emotion.values()).filter(e -> e.label().equals(label)).findFirst().orElse(null);
    }

    /** Exactly as the file stores it (lower case): "Lift" from a hand-edited file is a typo worth reporting. */
    private static Strategy strategy(String label) {
        return Arrays.stream(Strategy.values()).filter(s -> s.label().equals(label)).findFirst().orElse(null);
    }

    private static String emotions() {
        return Arrays.stream(Emotion.values()).map(Emotion::label).collect(Collectors.joining(", "));
    }

    private static String strategies() {
        return Arrays.stream(Strategy.values()).map(s -> s.label().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }
}
