package org.moodbox.spotify.librespot;

import java.nio.file.Path;

/**
 * The {@code config.toml} Moodbox writes for librespot-java 1.6.3 before every start (librespot adds its
 * defaults for the keys left out). Connect login only: password login is gone and 1.6.3 has no OAuth, so the
 * first login happens by picking the box in the Spotify app (zeroconf); librespot then stores reusable
 * credentials, and later starts log in with those (strategy STORED) until Spotify refuses them.
 *
 * @param alsaKeywords Java Sound mixer search keywords naming the ALSA card (e.g. "Headphones" on a Pi), or ""
 */
public record LibrespotConfig(String deviceName, Path workDir, int zeroconfPort, String alsaKeywords,
                              double initialVolume) {
    public Path credentialsFile() {
        return workDir.resolve("credentials.json");
    }

    public Path configFile() {
        return workDir.resolve("config.toml");
    }

    String toml(boolean useStoredCredentials) {
        return """
                deviceName = "%s"
                deviceType = "SPEAKER"
                logLevel = "INFO"

                [auth]
                strategy = "%s"
                storeCredentials = true
                credentialsFile = "%s"

                [zeroconf]
                listenPort = %d
                listenAll = true

                [cache]
                enabled = true
                dir = "%s"
                doCleanUp = true

                [player]
                autoplayEnabled = false
                output = "MIXER"
                mixerSearchKeywords = "%s"
                initialVolume = %d
                logAvailableMixers = true
                """.formatted(escape(deviceName), useStoredCredentials ? "STORED" : "ZEROCONF",
                escape(credentialsFile().toString()), zeroconfPort, escape(workDir.resolve("cache").toString()),
                escape(alsaKeywords), Math.round(Math.max(0, Math.min(1, initialVolume)) * 65536));
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
