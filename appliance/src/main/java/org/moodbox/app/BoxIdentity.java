package org.moodbox.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.moodbox.mqtt.DeviceInfo;

/**
 * Who this box is to Home Assistant: an id derived from the machine id (systemd asks that the machine id itself
 * never be shown to the network, so only a digest of it and an application key leaves the box), the host name,
 * the software version and the owner's page. A machine without {@code /etc/machine-id} (a container) gets an id
 * of its own, kept in the data folder.
 */
final class BoxIdentity {
    static final Path MACHINE_ID = Path.of("/etc/machine-id");

    private BoxIdentity() {
    }

    /**
     * @param webBase   how others on the network reach this box's web server, e.g. {@code http://moodbox.local:8080}
     * @param ownerPage the owner's page address the image wrote, when there is one
     */
    static DeviceInfo of(Path dataDir, String webBase, Optional<String> ownerPage) {
        String version = Optional.ofNullable(Appliance.class.getPackage().getImplementationVersion())
                .orElse("development build");
        return new DeviceInfo(id(dataDir), hostName(), version, ownerPage.orElse(webBase + "/admin"),
                webBase + "/api/artwork/");
    }

    /** Twelve hex digits: unique enough for one owner's boxes, stable across restarts and re-installs of the jar. */
    static String id(Path dataDir) {
        String machine = read(MACHINE_ID).orElseGet(() -> ownId(dataDir.resolve("device-id")));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("moodbox:" + machine).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hostName() {
        return read(Path.of("/proc/sys/kernel/hostname")).orElse("moodbox");
    }

    private static String ownId(Path file) {
        return read(file).orElseGet(() -> {
            String made = UUID.randomUUID().toString();
            try {
                Files.writeString(file, made + "\n", StandardCharsets.UTF_8);
            } catch (IOException e) {
                // An id for this run only: Home Assistant would see a new device after a restart, and says so.
            }
            return made;
        });
    }

    private static Optional<String> read(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? Optional.empty() : Optional.of(text);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
