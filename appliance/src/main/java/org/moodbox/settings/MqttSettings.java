package org.moodbox.settings;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The owner's link to an MQTT broker (Home Assistant, or a fleet's broker): where it is, how to reach it, which
 * topics to use, and what to share. The password is a secret and lives apart ({@code mqtt-password}, 0600).
 *
 * @param enabled         false: no link; a link turned off clears the box's retained discovery configs first
 * @param tls             TLS to the broker; on by default for a port other than 1883 (see {@link MqttSettingsJson})
 * @param caFile          a PEM file of the broker's certificate authority, absolute; empty: the system's trust store
 * @param user            the broker user; empty: connect without credentials
 * @param baseTopic       where the box publishes; empty means the default {@code moodbox/<host name>}
 * @param discoveryPrefix Home Assistant's discovery prefix ({@code homeassistant} unless changed in HA)
 * @param shareMood       false keeps the mood (emotion, confidence, valence, arousal) off the broker, link or not
 * @param followGroup     apply the retained group document on {@code moodbox/groups/<group>/settings}
 * @param group           the group's name: one topic level of letters, digits, '-' and '_'
 */
public record MqttSettings(boolean enabled, String host, int port, boolean tls, String caFile, String user,
                           String baseTopic, String discoveryPrefix, boolean shareMood, boolean followGroup,
                           String group) {
    public static final int PLAIN_PORT = 1883;
    public static final String DEFAULT_DISCOVERY_PREFIX = "homeassistant";
    static final int MAX_TOPIC_LENGTH = 200;
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:\\[\\]-]{1,253}");
    private static final Pattern GROUP = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern USER = Pattern.compile("[^\\p{Cntrl}]{0,200}");

    public MqttSettings {
        FieldErrors errors = new FieldErrors();
        host = host == null ? "" : host.strip();
        caFile = caFile == null ? "" : caFile.strip();
        user = user == null ? "" : user.strip();
        baseTopic = baseTopic == null ? "" : baseTopic.strip();
        discoveryPrefix = discoveryPrefix == null || discoveryPrefix.isBlank() ? DEFAULT_DISCOVERY_PREFIX
                : discoveryPrefix.strip();
        group = group == null ? "" : group.strip();
        if (host.isEmpty() ? enabled : !HOST.matcher(host).matches()) {
            errors.add("mqtt.host", host.isEmpty() ? "is required to turn the link on, e.g. 192.168.1.10 or broker.local"
                    : "'" + host.replaceAll("\\p{Cntrl}", "?") + "' is not a host name or address");
        }
        if (port < 1 || port > 65535) {
            errors.add("mqtt.port", "must be a port from 1 to 65535, got " + port);
        }
        if (!caFile.isEmpty() && (!Path.of(caFile).isAbsolute() || caFile.chars().anyMatch(Character::isISOControl))) {
            errors.add("mqtt.caFile", "must be an absolute path such as /etc/ssl/certs/my-ca.pem, or empty");
        }
        if (!USER.matcher(user).matches()) {
            errors.add("mqtt.user", "must be at most 200 characters without control characters");
        }
        topic(errors, "mqtt.baseTopic", baseTopic, true);
        topic(errors, "mqtt.discoveryPrefix", discoveryPrefix, false);
        if (group.isEmpty() ? followGroup : !GROUP.matcher(group).matches()) {
            errors.add("mqtt.group", group.isEmpty() ? "is required to follow a group's settings"
                    : "must be 1 to 64 letters, digits, '-' or '_' (one topic level), got '"
                    + group.replaceAll("\\p{Cntrl}", "?") + "'");
        }
        errors.throwIfAny();
    }

    /** A new box: no link, Home Assistant's usual prefix, mood shared once a link exists, no group. */
    public static MqttSettings defaults() {
        return new MqttSettings(false, "", PLAIN_PORT, false, "", "", "", DEFAULT_DISCOVERY_PREFIX, true, false, "");
    }

    /** Topics are the owner's text: no wildcards (a publish to one is refused by brokers), no empty levels. */
    private static void topic(FieldErrors errors, String field, String topic, boolean mayBeEmpty) {
        if (topic.isEmpty()) {
            if (!mayBeEmpty) {
                errors.add(field, "is required");
            }
            return;
        }
        if (topic.length() > MAX_TOPIC_LENGTH) {
            errors.add(field, "is longer than " + MAX_TOPIC_LENGTH + " characters");
        } else if (topic.contains("+") || topic.contains("#") || topic.startsWith("$")) {
            errors.add(field, "may not contain the wildcards + or # nor start with $");
        } else if (topic.startsWith("/") || topic.endsWith("/") || topic.contains("//")) {
            errors.add(field, "may not start or end with / nor have an empty level (//)");
        } else if (topic.chars().anyMatch(Character::isISOControl)) {
            errors.add(field, "contains control characters");
        }
    }

    @Override
    public String toString() {
        return "MqttSettings[" + (enabled ? "on" : "off") + ", " + (tls ? "mqtts://" : "mqtt://") + host + ":" + port
                + (user.isEmpty() ? "" : ", user set") + ", base '" + baseTopic + "', discovery '" + discoveryPrefix
                + "', shareMood=" + shareMood + (followGroup ? ", group " + group : "") + "]";
    }
}
