package org.moodbox.device;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the box's events to the log. Stands in until the player has "next" and "like" and the screen can
 * sleep: the button and the sensor can be checked on a Pi today, with {@code journalctl -u moodbox}.
 */
public final class LoggedDeviceEvents implements DeviceEvents {
    private static final Logger LOG = LoggerFactory.getLogger(LoggedDeviceEvents.class);

    @Override
    public void onNext() {
        LOG.info("button: next track (not wired to playback yet)");
    }

    @Override
    public void onLike() {
        LOG.info("button: like (not wired to feedback yet)");
    }

    @Override
    public void onPresence(boolean present) {
        LOG.info("presence: {} (not wired to the screen yet)", present ? "someone is there" : "nobody there");
    }
}
