package org.moodbox.device;

/**
 * What the box's hardware says, for the rooms that care (playback, mood, screen). Called on a Pi4J or timer
 * thread: implementations hand work off quickly.
 */
public interface DeviceEvents {
    /** Short press of the button: the next track. */
    void onNext();

    /** Long press of the button: the owner likes what is playing. */
    void onLike();

    /** Someone came (true) or nobody has moved for a while (false): the screen may sleep, detection idle. */
    void onPresence(boolean present);
}
