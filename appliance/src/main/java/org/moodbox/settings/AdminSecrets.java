package org.moodbox.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Secrets, kept apart from the settings in {@code secrets.json}, readable by the service user only (0600):
 * settings may be shown, copied into a bug report or backed up; secrets may not. For now it holds the admin
 * password's hash (later: the Spotify refresh token).
 *
 * <p>A secrets file that cannot be read is an error, never "no password": falling back to first-run setup
 * would hand the box to whoever reaches the admin page first.
 */
public final class AdminSecrets {
    private static final Logger LOG = LoggerFactory.getLogger(AdminSecrets.class);
    public static final String FILE_NAME = "secrets.json";

    private final Path file;
    private final ObjectMapper json = new ObjectMapper();
    private volatile PasswordHash adminPassword;

    private AdminSecrets(Path file, PasswordHash adminPassword) {
        this.file = file;
        this.adminPassword = adminPassword;
    }

    public static AdminSecrets open(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            AtomicFile.removeLeftovers(file); // a save cut short by a crash; never the secrets themselves
            byte[] bytes = Files.readAllBytes(file);
            tightenPermissions(file);
            JsonNode root = new ObjectMapper().readTree(bytes);
            JsonNode admin = root == null ? null : root.get("adminPassword");
            if (admin == null || admin.isNull()) {
                return new AdminSecrets(file, null);
            }
            return new AdminSecrets(file, new PasswordHash(admin.path("algorithm").asText(),
                    admin.path("iterations").asInt(), admin.path("salt").asText(), admin.path("hash").asText()));
        } catch (NoSuchFileException e) {
            return new AdminSecrets(file, null);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read the secrets file " + file + " (" + e.getMessage()
                    + "); fix or delete it (deleting it means setting the admin password again)", e);
        }
    }

    /** The admin password's hash; empty until the owner sets one on first run. */
    public Optional<PasswordHash> adminPassword() {
        return Optional.ofNullable(adminPassword);
    }

    /** Stores the hash (0600, atomically); the caller decides whether replacing one is allowed. */
    public synchronized void setAdminPassword(PasswordHash hash) {
        ObjectNode root = json.createObjectNode();
        ObjectNode admin = root.putObject("adminPassword");
        admin.put("algorithm", hash.algorithm());
        admin.put("iterations", hash.iterations());
        admin.put("salt", hash.salt());
        admin.put("hash", hash.hash());
        try {
            AtomicFile.write(file, json.writeValueAsBytes(root), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the secrets file " + file + ": " + e.getMessage(), e);
        }
        adminPassword = hash;
        LOG.info("admin password set");
    }

    /** A file copied in by hand may be world-readable; the service puts it right rather than refusing to start. */
    private static void tightenPermissions(Path file) throws IOException {
        Set<PosixFilePermission> now = Files.getPosixFilePermissions(file);
        if (!now.equals(AtomicFile.OWNER_ONLY)) {
            Files.setPosixFilePermissions(file, AtomicFile.OWNER_ONLY);
            LOG.warn("{} was readable by others; set it to owner-only (0600)", file);
        }
    }

    public Path file() {
        return file;
    }
}
