package org.moodbox.device;

/** What the status LED tells someone standing at the box. */
public enum LedState {
    /** Not watching: starting, or stopped on purpose. */
    OFF,
    /** The camera runs and faces are being read. */
    ON,
    /** Something is wrong (camera gone, service unhealthy): look at the admin page. */
    BLINKING
}
