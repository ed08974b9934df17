package org.moodbox.app;

import org.moodbox.recommend.TrackFilter;

import java.util.HashSet;
import java.util.Objects;
import java.util.function.Supplier;
import org.moodbox.settings.Settings;
import org.moodbox.settings.SettingsStore;

/**
 * The owner's languages, favourite and excluded artists as the recommender's filter, read from the settings
 * store on every request, so a saved change applies to the next cards without a restart.
 */
public final class SettingsTrackFilter implements Supplier<TrackFilter> {
    private final SettingsStore settings;
    private Settings lastSettings;
    private TrackFilter lastFilter;

    public SettingsTrackFilter(SettingsStore settings) {
        this.settings = Objects.requireNonNull(settings);
    }

    @Override
    public synchronized TrackFilter get() {
        Settings now = settings.current();
        if (now != lastSettings) { // the store hands out a new record per save: rebuild only then
            lastFilter = of(now);
            lastSettings = now;
        }
        return lastFilter;
    }

    /** Any artist and explicit tracks allowed: the admin page has no switch for those yet. */
    static TrackFilter of(Settings s) {
        return new TrackFilter(new HashSet<>(s.languages()), null, new HashSet<>(s.favouriteArtists()),
                new HashSet<>(s.excludedArtists()), true);
    }
}
