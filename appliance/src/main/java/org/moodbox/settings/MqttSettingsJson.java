package org.moodbox.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/** The {@code mqtt} object of the settings JSON, read field by field like the rest ({@link SettingsJson}). */
final class MqttSettingsJson {
    private static final Set<String> FIELDS = Set.of("enabled", "host", "port", "tls", "caFile", "user",
            "baseTopic", "discoveryPrefix", "shareMood", "followGroup", "group");

    private MqttSettingsJson() {
    }

    static void write(ObjectNode node, MqttSettings mqtt) {
        node.put("enabled", mqtt.enabled());
        node.put("host", mqtt.host());
        node.put("port", mqtt.port());
        node.put("tls", mqtt.tls());
        node.put("caFile", mqtt.caFile());
        node.put("user", mqtt.user());
        node.put("baseTopic", mqtt.baseTopic());
        node.put("discoveryPrefix", mqtt.discoveryPrefix());
        node.put("shareMood", mqtt.shareMood());
        node.put("followGroup", mqtt.followGroup());
        node.put("group", mqtt.group());
    }

    /**
     * Fields absent keep the base's value, except TLS: a new port without a word on TLS gets the port's usual
     * choice (plain on 1883, TLS elsewhere, as 8883). Returns null (with the problems in {@code errors}) when invalid.
     */
    static MqttSettings read(FieldErrors errors, JsonNode node, MqttSettings base) {
        if (node == null) {
            return base;
        }
        if (!node.isObject()) {
            errors.add("mqtt", "must be an object like {\"enabled\": true, \"host\": \"broker.local\", \"port\": 1883}");
            return null;
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                errors.add("mqtt." + name, "is not an MQTT setting; known ones are " + String.join(", ",
                        FIELDS.stream().sorted().toList()));
            }
        });
        int port = base.port();
        JsonNode p = node.get("port");
        if (p != null) {
            if (p.isIntegralNumber() && p.canConvertToInt()) {
                port = p.intValue();
            } else {
                errors.add("mqtt.port", "must be a whole number like 1883, got " + p);
            }
        }
        boolean tls = node.has("tls") || p == null ? flag(errors, node, "tls", base.tls())
                : port != MqttSettings.PLAIN_PORT;
        try {
            return new MqttSettings(flag(errors, node, "enabled", base.enabled()),
                    text(errors, node, "host", base.host()), port, tls, text(errors, node, "caFile", base.caFile()),
                    text(errors, node, "user", base.user()), text(errors, node, "baseTopic", base.baseTopic()),
                    text(errors, node, "discoveryPrefix", base.discoveryPrefix()),
                    flag(errors, node, "shareMood", base.shareMood()),
                    flag(errors, node, "followGroup", base.followGroup()), text(errors, node, "group", base.group()));
        } catch (InvalidSettingsException e) {
            e.fieldErrors().forEach(errors::add);
            return null;
        }
    }

    private static boolean flag(FieldErrors errors, JsonNode node, String field, boolean base) {
        JsonNode value = node.get(field);
        if (value == null) {
            return base;
        }
        if (!value.isBoolean()) {
            errors.add("mqtt." + field, "must be true or false, got " + value);
            return base;
        }
        return value.booleanValue();
    }

    private static String text(FieldErrors errors, JsonNode node, String field, String base) {
        JsonNode value = node.get(field);
        if (value == null) {
            return base;
        }
        if (!value.isTextual()) {
            errors.add("mqtt." + field, "must be text, got " + value);
            return base;
        }
        return value.textValue();
    }
}
