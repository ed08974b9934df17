package org.moodbox.mqtt;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.moodbox.model.Emotion;
import org.moodbox.model.Strategy;

/**
 * The strategy select: the owner's plan is one strategy per emotion (the admin page's Moods section), so the
 * select offers the plans that fit one word: the default plan (sad lifts, angry and fear calm, the rest match),
 * or one strategy for every emotion. A plan made by hand on the admin page shows as "custom"; choosing "custom"
 * asks for nothing (it is set on the admin page).
 */
final class StrategyChoice {
    static final String DEFAULT = "default";
    static final String CUSTOM = "custom";
    static final List<String> OPTIONS = List.of(DEFAULT, "match", "lift", "calm", CUSTOM);

    private StrategyChoice() {
    }

    /** The select's state for the owner's plan. */
    static String of(Map<Emotion, Strategy> plan, Map<Emotion, Strategy> defaultPlan) {
        if (plan.equals(defaultPlan)) {
            return DEFAULT;
        }
        List<Strategy> used = plan.values().stream().distinct().toList();
        return used.size() == 1 ? used.get(0).label() : CUSTOM;
    }

    /**
     * The plan an option asks for, as the settings JSON's {@code strategies} object would say it.
     *
     * @throws IllegalArgumentException for "custom" and anything that is not an option
     */
    static Map<String, String> plan(String option, Map<Emotion, Strategy> defaultPlan) {
        String chosen = option.strip().toLowerCase(Locale.ROOT);
        Map<Emotion, Strategy> plan = new EnumMap<>(Emotion.class);
        if (chosen.equals(DEFAULT)) {
            plan.putAll(defaultPlan);
        } else if (chosen.equals(CUSTOM)) {
            throw new IllegalArgumentException("'custom' is a plan made per emotion on the admin page; choose "
                    + "default, match, lift or calm");
        } else {
            Strategy one = Strategy.parse(chosen);
            for (Emotion e : Emotion.values()) {
                plan.put(e, one);
            }
        }
        Map<String, String> asJson = new java.util.LinkedHashMap<>();
        plan.forEach((emotion, strategy) -> asJson.put(emotion.label(), strategy.label()));
        return asJson;
    }
}
