package org.moodbox.spotify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The owner's Spotify app (from the Spotify developer dashboard): its client id, and a client secret only if
 * the owner chose to give one (PKCE needs none). Where it came from is shown on the admin page, so an id set
 * by the installer is not mistaken for one typed in.
 *
 * @param origin "admin page", "credentials file ..." or "environment"
 */
public record SpotifyApp(String clientId, String clientSecret, String origin) {
    /** Read by the installer's credentials file and by the service's environment. */
    public static final String FILE_NAME = "spotify-app.properties";
    public static final String ENV_CLIENT_ID = "MOODBOX_SPOTIFY_CLIENT_ID";
    public static final String ENV_CLIENT_SECRET = "MOODBOX_SPOTIFY_CLIENT_SECRET";

    /** Spotify shows both as 32 hex characters; letters and digits of that length is what a paste must give. */
    private static final String SHAPE = "[0-9A-Za-z]{32}";

    /** A value that cannot be the one the dashboard shows, and which field it is (clientId or clientSecret). */
    public static final class InvalidField extends IllegalArgumentException {
        private final String field;

        InvalidField(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    public SpotifyApp {
        clientId = validClientId(clientId);
        clientSecret = clientSecret == null || clientSecret.isBlank() ? null : clientSecret.trim();
        if (clientSecret != null && !clientSecret.matches(SHAPE)) {
            throw new InvalidField("clientSecret", "the client secret should be the 32 letters and digits the "
                    + "Spotify dashboard shows; leave it empty to link without one");
        }
    }

    /** Anything but 32 letters and digits is a paste error (a cut-off id, a URL, the secret) worth saying at once. */
    static String validClientId(String id) {
        String clean = id == null ? "" : id.trim();
        if (!clean.matches(SHAPE)) {
            throw new InvalidField("clientId", "the client id should be the 32 letters and digits the Spotify "
                    + "dashboard shows under your app's Basic Information");
        }
        return clean;
    }

    /**
     * The app the installer supplied: {@value #FILE_NAME} in the data folder ({@code clientId=...},
     * optionally {@code clientSecret=...}), else the environment. The admin page's entry, stored with the
     * account, wins over both.
     */
    static Optional<SpotifyApp> supplied(Path dataDir, Map<String, String> environment) {
        Path file = dataDir.resolve(FILE_NAME);
        if (Files.isRegularFile(file)) {
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
            }
            try {
                return Optional.of(new SpotifyApp(p.getProperty("clientId"), p.getProperty("clientSecret"),
                        "credentials file " + file));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(file + ": " + e.getMessage(), e);
            }
        }
        String id = environment.get(ENV_CLIENT_ID);
        if (id != null && !id.isBlank()) {
            return Optional.of(new SpotifyApp(id, environment.get(ENV_CLIENT_SECRET), "environment"));
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "SpotifyApp[" + clientId + (clientSecret == null ? "" : ", with secret") + ", from " + origin + "]";
    }
}
