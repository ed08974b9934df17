package org.moodbox.mqtt;

import java.util.Objects;
import org.moodbox.device.DeviceEvents;
import org.moodbox.mood.MoodFeed;
import org.moodbox.playback.Player;

/**
 * The ports the broker's commands reach, the same the kiosk and the button use: the mood feed ("not my mood",
 * and "auto" to end it), the player (pause, resume, volume within the owner's cap) and the box's controls (next
 * with its skip verdict, like). Settings (strategy, camera, group documents) go through the settings store.
 */
public record BoxPorts(MoodFeed mood, Player player, DeviceEvents controls) {
    public BoxPorts {
        Objects.requireNonNull(mood, "mood");
        Objects.requireNonNull(player, "player");
        Objects.requireNonNull(controls, "controls");
    }
}
