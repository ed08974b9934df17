package org.moodbox.app;

import org.moodbox.recommend.StrategyPlan;

import java.util.Objects;
import java.util.function.Supplier;
import org.moodbox.settings.Settings;
import org.moodbox.settings.SettingsStore;

/**
 * The owner's strategy per emotion (admin page) as the recommender's plan, read from the settings store on
 * every request, so a saved change shapes the next cards without a restart.
 */
public final class SettingsStrategyPlan implements Supplier<StrategyPlan> {
    private final SettingsStore settings;
    private final int liftSteps;
    private Settings lastSettings;
    private StrategyPlan lastPlan;

    public SettingsStrategyPlan(SettingsStore settings, int liftSteps) {
        this.settings = Objects.requireNonNull(settings);
        this.liftSteps = liftSteps;
    }

    @Override
    public synchronized StrategyPlan get() {
        Settings now = settings.current();
        if (now != lastSettings) { // a new record per save: rebuild only then
            lastPlan = new StrategyPlan(now.strategies(), liftSteps);
            lastSettings = now;
        }
        return lastPlan;
    }
}
