package org.moodbox.model;

import java.util.Arrays;
import java.util.Locale;

/**
 * How a mood becomes a target point on the perceived valence/arousal plane ({@code recommend.MoodTargets}).
 * The owner picks one per emotion ({@code recommend.StrategyPlan}); the command line can force one.
 */
public enum Strategy {
    /** Aim at the mood itself: sad music for a sad listener, lively music for a happy one. */
    MATCH,
    /**
     * The iso principle (Altshuler 1948): meet the listener where they are, then move step by step toward a
     * better mood (sad to content, angry to calm) over the next N tracks. Jumping straight to cheerful music
     * tends to be rejected by a sad listener; the gradual path is the point.
     */
    LIFT,
    /**
     * Aim at calm's point (V .74 A .08), whatever the mood, counting arousal first: the quietest music, and
     * among equally quiet songs the most pleasant.
     */
    CALM;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses "match", "lift" or "calm" (any case); a clear error names the strategies that exist. */
    public static Strategy parse(String name) {
        for (Strategy s : values()) {
            if (s.name().equalsIgnoreCase(name.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown strategy '" + name + "': expected "
                + Arrays.stream(values()).map(Strategy::label).toList());
    }
}
