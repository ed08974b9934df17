package org.moodbox.settings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One secret (an API key) in its own owner-only (0600) file in the data folder, apart from the settings and
 * from {@link AdminSecrets}: each secret has one writer, so saving one can never drop another. Written
 * atomically; shown back only as a hint ({@link #hint}), never in full.
 */
public final class SecretFile {
    private static final Logger LOG = LoggerFactory.getLogger(SecretFile.class);

    private final Path file;
    private volatile String value;

    private SecretFile(Path file, String value) {
        this.file = file;
        this.value = value;
    }

    /** Reads {@code dataDir/name}; a missing file is "not set", an unreadable one an error (never "not set"). */
    public static SecretFile open(Path dataDir, String name) {
        Path file = dataDir.resolve(name);
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (!Files.getPosixFilePermissions(file).equals(AtomicFile.OWNER_ONLY)) {
                Files.setPosixFilePermissions(file, AtomicFile.OWNER_ONLY);
                LOG.warn("{} was readable by others; set it to owner-only (0600)", file);
            }
            return new SecretFile(file, text.isEmpty() ? null : text);
        } catch (NoSuchFileException e) {
            return new SecretFile(file, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the secret file " + file + " (" + e.getMessage()
                    + "); fix its permissions or delete it and enter the secret again", e);
        }
    }

    public Optional<String> value() {
        return Optional.ofNullable(value);
    }

    /** Saves the secret (0600 from the first byte, atomically); the caller validated it. */
    public synchronized void set(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("a secret cannot be empty; use clear() to remove it");
        }
        try {
            AtomicFile.write(file, secret.strip().getBytes(StandardCharsets.UTF_8), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the secret file " + file + ": " + e.getMessage(), e);
        }
        value = secret.strip();
        LOG.info("{} saved", file.getFileName());
    }

    public synchronized void clear() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the secret file " + file + ": " + e.getMessage(), e);
        }
        value = null;
        LOG.info("{} removed", file.getFileName());
    }

    /** Enough for the owner to recognise which key is stored ("…x9Q4"), too little to use it. */
    public Optional<String> hint() {
        String v = value;
        return v == null ? Optional.empty() : Optional.of("\u2026" + v.substring(Math.max(0, v.length() - 4)));
    }

    public Path file() {
        return file;
    }
}
