package org.moodbox.spotify.librespot;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises librespot-java 1.6.3's log lines that matter (read from its class files and from running it):
 * the Connect listener starting, a login, and the failures that have made librespot unusable for many
 * accounts since 2024-2026. Anything else is just logged.
 */
final class LibrespotOutput {
    private static final Pattern AUTHENTICATED = Pattern.compile("Authenticated as (\\S+?)!");

    private LibrespotOutput() {
    }

    static Optional<LibrespotState> classify(String line) {
        if (line.contains("Zeroconf HTTP server started successfully")) {
            return Optional.of(new LibrespotState(LibrespotState.Phase.WAITING_FOR_CONNECT,
                    "Spotify Connect is waiting: open Spotify on a phone on the same network and pick this box as the "
                            + "playback device once; it remembers the login.", null));
        }
        Matcher m = AUTHENTICATED.matcher(line);
        if (m.find()) {
            return Optional.of(new LibrespotState(LibrespotState.Phase.LOGGED_IN,
                    "librespot is logged in as " + m.group(1) + " and plays through this box's speakers.", m.group(1)));
        }
        if (line.contains("Failed fetching audio key") || line.contains("Audio key error")) {
            return Optional.of(new LibrespotState(LibrespotState.Phase.NO_AUDIO_KEY,
                    "Spotify refuses audio keys to librespot for this account (common for accounts created since "
                            + "December 2024), so it cannot play here; Moodbox plays Spotify on another Connect device "
                            + "instead, or your own library.", null));
        }
        if (line.contains("SpotifyAuthenticationException") || line.contains("BadCredentials")
                || line.contains("APLoginFailed") || line.contains("PremiumAccountRequired")) {
            return Optional.of(new LibrespotState(LibrespotState.Phase.LOGIN_REFUSED,
                    "Spotify refused librespot's login (stored and password logins are closed since August 2026, "
                            + "and librespot needs Premium); pick this box in the Spotify app again to log in through "
                            + "Spotify Connect.", null));
        }
        if (line.contains("No mixers available") || line.contains("Couldn't find a suitable mixer")
                || line.contains("Failed acquiring line") || line.contains("LineUnavailableException")) {
            return Optional.of(new LibrespotState(LibrespotState.Phase.NO_AUDIO_DEVICE,
                    "librespot found no sound card it can open (check the speakers and the ALSA device); Moodbox "
                            + "plays Spotify on another Connect device instead, or your own library.", null));
        }
        if (line.contains("UnknownHostException") || line.contains("ConnectException")
                || line.contains("Failed reconnecting")) {
            return Optional.of(new LibrespotState(LibrespotState.Phase.NO_NETWORK,
                    "librespot cannot reach Spotify (no network, or Spotify is down).", null));
        }
        return Optional.empty();
    }
}
