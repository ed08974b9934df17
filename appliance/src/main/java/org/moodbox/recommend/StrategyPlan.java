package org.moodbox.recommend;

import org.moodbox.model.Strategy;

import java.util.EnumMap;
import java.util.Map;
import org.moodbox.model.Emotion;

/**
 * The owner's choice of strategy per emotion, and how many tracks a lift takes to arrive.
 *
 * <p>Defaults: sad is lifted (toward content), angry and fear are calmed, the rest is matched: a happy or
 * surprised listener has no reason to be moved, and neutral or disgust have no obvious better place that
 * every listener would agree on.
 *
 * @param byEmotion emotions missing from the map are matched
 * @param liftSteps how many tracks after the first a lift takes to reach its goal (at least 1)
 */
public record StrategyPlan(Map<Emotion, Strategy> byEmotion, int liftSteps) {
    public static final int DEFAULT_LIFT_STEPS = 5;

    public StrategyPlan {
        if (liftSteps < 1) {
            throw new IllegalArgumentException("a lift needs at least 1 step, not " + liftSteps);
        }
        byEmotion = Map.copyOf(byEmotion);
    }

    public static StrategyPlan defaults() {
        Map<Emotion, Strategy> m = new EnumMap<>(Emotion.class);
        m.put(Emotion.SAD, Strategy.LIFT);
        m.put(Emotion.ANGRY, Strategy.CALM);
        m.put(Emotion.FEAR, Strategy.CALM);
        return new StrategyPlan(m, DEFAULT_LIFT_STEPS);
    }

    /** One strategy for every emotion: what {@code --strategy} asks for. */
    public static StrategyPlan always(Strategy strategy, int liftSteps) {
        Map<Emotion, Strategy> m = new EnumMap<>(Emotion.class);
        for (Emotion e : Emotion.values()) {
            m.put(e, strategy);
        }
        return new StrategyPlan(m, liftSteps);
    }

    public Strategy strategyFor(Emotion emotion) {
        return byEmotion.getOrDefault(emotion, Strategy.MATCH);
    }
}
