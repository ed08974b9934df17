package org.moodbox.app;

import org.moodbox.playback.Player;

import org.moodbox.settings.Settings;
import org.moodbox.settings.SettingsStore;

/**
 * Keeps a player's volume cap at the owner's saved cap while the box runs, never above the installer's
 * ceiling ({@code --volume-cap}, say for small speakers that distort): the owner may lower it, and raise it
 * again up to that ceiling, but not past it.
 */
public final class OwnerVolumeCap {
    private OwnerVolumeCap() {
    }

    /** Applies the current settings now and every saved change after. */
    public static void follow(SettingsStore settings, Player player, double ceiling) {
        player.setVolumeCap(capFor(settings.current(), ceiling));
        settings.subscribe(saved -> player.setVolumeCap(capFor(saved, ceiling)));
    }

    static double capFor(Settings settings, double ceiling) {
        return Math.max(0, Math.min(ceiling, settings.volumeCap()));
    }
}
