package org.moodbox.spotify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.moodbox.settings.AtomicFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@value #FILE_NAME} in the data folder, owner-only (0600) and replaced atomically: the app entered on the
 * admin page, the tokens, who is linked, and why the link stopped working if it did. Secrets, like the admin
 * password's hash, so never part of {@code settings.json}.
 */
final class SpotifyAccountFile {
    private static final Logger LOG = LoggerFactory.getLogger(SpotifyAccountFile.class);
    static final String FILE_NAME = "spotify-account.json";

    /** Everything the file holds; null fields are absent. */
    record Contents(SpotifyApp app, SpotifyTokens tokens, String userId, String userName, String product,
                    String revokedReason) {
        static final Contents EMPTY = new Contents(null, null, null, null, null, null);

        Contents withApp(SpotifyApp a) {
            return new Contents(a, tokens, userId, userName, product, revokedReason);
        }

        Contents withTokens(SpotifyTokens t) {
            return new Contents(app, t, userId, userName, product, revokedReason);
        }
    }

    private final Path file;
    private final ObjectMapper json = new ObjectMapper();
    private String setAside;

    SpotifyAccountFile(Path dataDir) {
        this.file = dataDir.resolve(FILE_NAME);
    }

    Path path() {
        return file;
    }

    /**
     * The file's contents; none when it is absent. A file that exists but cannot be understood (hand-edited, torn
     * by an old tool, a field of the wrong shape) is moved aside to {@code spotify-account.json.corrupt}, as a
     * corrupt settings file is, and reads as none: the box starts with Spotify unlinked, and {@link #setAside()}
     * says why for the admin page. Only a disk that cannot be read at all is an error.
     */
    Contents read() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Contents.EMPTY;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Spotify account file " + file + ": " + e.getMessage(), e);
        }
        try {
            Contents contents = parse(json.readTree(bytes));
            if (!Files.getPosixFilePermissions(file).equals(AtomicFile.OWNER_ONLY)) {
                Files.setPosixFilePermissions(file, AtomicFile.OWNER_ONLY);
            }
            return contents;
        } catch (JsonProcessingException e) {
            return quarantined("it is not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Spotify account file " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            return quarantined("a field in it is unreadable (" + e.getMessage() + ")");
        }
    }

    /** Why the file on disk was set aside at start, if it was. */
    Optional<String> setAside() {
        return Optional.ofNullable(setAside);
    }

    private Contents quarantined(String why) {
        Path aside;
        try {
            aside = AtomicFile.moveAside(file);
        } catch (IOException e) {
            throw new UncheckedIOException("the Spotify account file " + file + " cannot be used because " + why
                    + ", and moving it aside failed: " + e.getMessage(), e);
        }
        setAside = "The saved Spotify link could not be read because " + why + "; the file was kept as "
                + aside.getFileName() + ". Link Spotify again.";
        LOG.warn("{}: {}", file, setAside);
        return Contents.EMPTY;
    }

    private static Contents parse(JsonNode root) {
        if (!root.isObject()) {
            throw new IllegalArgumentException("the top level is not an object");
        }
        JsonNode a = root.path("app");
        SpotifyApp app = a.hasNonNull("clientId")
                ? new SpotifyApp(a.get("clientId").asText(), text(a, "clientSecret"), "admin page") : null;
        JsonNode t = root.path("tokens");
        SpotifyTokens tokens = t.hasNonNull("refreshToken")
                ? new SpotifyTokens(text(t, "accessToken"), t.get("refreshToken").asText(),
                Instant.parse(t.path("expiresAt").asText(Instant.EPOCH.toString())), text(t, "scope"))
                : null;
        return new Contents(app, tokens, text(root, "userId"), text(root, "userName"), text(root, "product"),
                text(root, "revokedReason"));
    }

    void write(Contents c) {
        ObjectNode root = json.createObjectNode();
        if (c.app() != null) {
            ObjectNode a = root.putObject("app");
            a.put("clientId", c.app().clientId());
            a.put("clientSecret", c.app().clientSecret());
        }
        if (c.tokens() != null) {
            ObjectNode t = root.putObject("tokens");
            t.put("accessToken", c.tokens().accessToken());
            t.put("refreshToken", c.tokens().refreshToken());
            t.put("expiresAt", c.tokens().expiresAt().toString());
            t.put("scope", c.tokens().scope());
        }
        root.put("userId", c.userId());
        root.put("userName", c.userName());
        root.put("product", c.product());
        root.put("revokedReason", c.revokedReason());
        try {
            AtomicFile.write(file, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the Spotify account file " + file + ": " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
