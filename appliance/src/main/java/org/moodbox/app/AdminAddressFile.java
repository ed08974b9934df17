package org.moodbox.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The owner's page address shown on the kiosk screen, from the file the appliance image's first boot writes
 * ({@code /etc/moodbox/admin-url}, or {@code $MOODBOX_ADMIN_URL_FILE}). Read on every request, so an address
 * written after the service started still shows. No file (a developer machine), or a line that is not a plain
 * http(s) address: nothing is shown rather than something a phone cannot open.
 */
final class AdminAddressFile implements Supplier<Optional<String>> {
    static final Path DEFAULT = Path.of("/etc/moodbox/admin-url");
    private static final Pattern HTTP_URL = Pattern.compile("https?://[A-Za-z0-9.\\-\\[\\]:]+(/[A-Za-z0-9._~/\\-]*)?");

    private final Path file;

    AdminAddressFile(Path file) {
        this.file = file;
    }

    static AdminAddressFile fromEnvironment(Map<String, String> env) {
        String path = env.get("MOODBOX_ADMIN_URL_FILE");
        return new AdminAddressFile(path == null || path.isBlank() ? DEFAULT : Path.of(path));
    }

    @Override
    public Optional<String> get() {
        try {
            String first = Files.readString(file, StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
            return HTTP_URL.matcher(first).matches() ? Optional.of(first) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
