package org.moodbox.mqtt;

import java.util.Objects;

/**
 * The box as Home Assistant's device registry shows it.
 *
 * @param id               stable and unique per box (derived from the machine id, never the machine id itself)
 * @param name             the box's host name, which also names its default base topic
 * @param swVersion        the software version
 * @param configurationUrl the owner's page, linked from Home Assistant's device page
 * @param artworkBase      where album art is served on the box ({@code http://host:port/api/artwork/}); the
 *                         now-playing state names a track's cover by appending its id
 */
public record DeviceInfo(String id, String name, String swVersion, String configurationUrl, String artworkBase) {
    public static final String MODEL = "Moodbox";

    public DeviceInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(swVersion, "swVersion");
        Objects.requireNonNull(configurationUrl, "configurationUrl");
        Objects.requireNonNull(artworkBase, "artworkBase");
    }

    /** {@code moodbox/<host name>}, the host name made one topic level (no '/', '+' or '#'). */
    public String defaultBaseTopic() {
        return "moodbox/" + name.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    /** Home Assistant's node id: letters, digits, '_' and '-' only. */
    String nodeId() {
        return "moodbox_" + id.replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
