package org.moodbox.spotify.librespot;

/**
 * What librespot is doing, as read from its output.
 *
 * @param message one plain sentence for the owner (admin page) and the log
 * @param user    the Spotify user it logged in as, when it did
 */
public record LibrespotState(Phase phase, String message, String user) {
    public enum Phase {
        /** Not started (no jar, or Spotify not wanted). */
        OFF,
        STARTING,
        /** Listening for Spotify Connect: pick the device in the Spotify app once to log it in. */
        WAITING_FOR_CONNECT,
        LOGGED_IN,
        /** Logged in but Spotify refuses audio keys to this account: it cannot play here. */
        NO_AUDIO_KEY,
        /** Spotify refused the login (stored credentials or a closed login route). */
        LOGIN_REFUSED,
        /** No sound card it could open. */
        NO_AUDIO_DEVICE,
        /** It cannot reach Spotify. */
        NO_NETWORK,
        /** It exited; restarting after a pause. */
        RESTARTING
    }

    /** Whether Moodbox can send music to this device. */
    public boolean canPlay() {
        return phase == Phase.LOGGED_IN;
    }
}
