package org.moodbox.mqtt;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.moodbox.model.Emotion;

/**
 * Home Assistant's MQTT discovery configs of the box: one retained JSON document per entity on
 * {@code <prefix>/<component>/<node>/<entity>/config}, every entity under one device, all with the box's
 * availability topic. Components are those MQTT discovery has (FINDINGS.md): there is no MQTT media player, so
 * playback is a sensor, three buttons and a number.
 */
final class Discovery {
    static final String ON = "ON";
    static final String OFF = "OFF";
    static final String PRESS = "PRESS";
    /** The override select's first option: the camera decides. */
    static final String AUTO = "auto";
    static final List<String> MOOD_ENTITIES = List.of("mood", "valence", "arousal");

    private final Topics topics;
    private final DeviceInfo device;
    private final ObjectMapper json;

    Discovery(Topics topics, DeviceInfo device, ObjectMapper json) {
        this.topics = topics;
        this.device = device;
        this.json = json;
    }

    /**
     * Topic to config for every entity the box has now: without mood sharing the mood's three sensors are not
     * announced (and {@link #allTopics} lets the caller clear them).
     *
     * @param volumeCap the owner's cap, 0..1: the volume number's maximum
     */
    Map<String, byte[]> configs(boolean shareMood, double volumeCap) {
        Map<String, byte[]> configs = new LinkedHashMap<>();
        if (shareMood) {
            ObjectNode mood = entity("sensor", "mood", "Mood", "mdi:emoticon-outline");
            mood.put("state_topic", topics.state("mood"));
            mood.put("value_template", "{{ value_json.emotion }}");
            mood.put("json_attributes_topic", topics.state("mood"));
            put(configs, "sensor", "mood", mood);
            for (String axis : List.of("valence", "arousal")) {
                ObjectNode point = entity("sensor", axis, axis.equals("valence") ? "Valence" : "Arousal",
                        axis.equals("valence") ? "mdi:emoticon-happy-outline" : "mdi:lightning-bolt-outline");
                point.put("state_topic", topics.state("mood"));
                point.put("value_template", "{{ value_json." + axis + " }}");
                point.put("state_class", "measurement");
                put(configs, "sensor", axis, point);
            }
        }
        ObjectNode playing = entity("sensor", "now_playing", "Now playing", "mdi:music");
        playing.put("state_topic", topics.state("now_playing"));
        playing.put("value_template", "{{ value_json.title }}");
        playing.put("json_attributes_topic", topics.state("now_playing"));
        put(configs, "sensor", "now_playing", playing);

        ObjectNode presence = entity("binary_sensor", "presence", "Presence", null);
        presence.put("state_topic", topics.state("presence"));
        presence.put("device_class", "occupancy");
        presence.put("payload_on", ON);
        presence.put("payload_off", OFF);
        put(configs, "binary_sensor", "presence", presence);

        ObjectNode override = command(entity("select", "mood_override", "Mood override", "mdi:emoticon-edit-outline"),
                "mood_override");
        ArrayNode moods = override.putArray("options").add(AUTO);
        for (Emotion e : Emotion.values()) {
            moods.add(e.label());
        }
        put(configs, "select", "mood_override", override);

        ObjectNode strategy = command(entity("select", "strategy", "Strategy", "mdi:compass-outline"), "strategy");
        ArrayNode plans = strategy.putArray("options");
        StrategyChoice.OPTIONS.forEach(plans::add);
        put(configs, "select", "strategy", strategy);

        ObjectNode volume = command(entity("number", "volume", "Volume", "mdi:volume-high"), "volume");
        volume.put("min", 0);
        volume.put("max", Math.round(volumeCap * 100));
        volume.put("step", 1);
        volume.put("unit_of_measurement", "%");
        volume.put("mode", "slider");
        put(configs, "number", "volume", volume);

        for (String[] button : new String[][]{{"play_pause", "Play/pause", "mdi:play-pause"},
                {"skip", "Skip", "mdi:skip-next"}, {"like", "Like", "mdi:thumb-up-outline"}}) {
            ObjectNode press = entity("button", button[0], button[1], button[2]);
            press.put("command_topic", topics.command(button[0]));
            press.put("payload_press", PRESS);
            put(configs, "button", button[0], press);
        }

        ObjectNode camera = command(entity("switch", "camera", "Camera", "mdi:webcam"), "camera");
        camera.put("payload_on", ON);
        camera.put("payload_off", OFF);
        camera.put("state_on", ON);
        camera.put("state_off", OFF);
        put(configs, "switch", "camera", camera);
        return configs;
    }

    /** Every config topic the box may have announced: cleared (empty, retained) when the link is turned off. */
    List<String> allTopics() {
        return List.copyOf(configs(true, 1).keySet());
    }

    /** The mood sensors' config topics, cleared when the owner stops sharing the mood. */
    List<String> moodTopics() {
        return MOOD_ENTITIES.stream().map(e -> topics.config("sensor", device.nodeId(), e)).toList();
    }

    private ObjectNode entity(String component, String key, String name, String icon) {
        ObjectNode config = json.createObjectNode();
        config.put("name", name);
        config.put("unique_id", device.nodeId() + "_" + key);
        config.put("object_id", device.nodeId() + "_" + key);
        config.put("availability_topic", topics.availability());
        config.put("payload_available", "online");
        config.put("payload_not_available", "offline");
        if (icon != null) {
            config.put("icon", icon);
        }
        ObjectNode box = config.putObject("device");
        box.putArray("identifiers").add(device.nodeId());
        box.put("name", device.name());
        box.put("manufacturer", "Moodbox");
        box.put("model", DeviceInfo.MODEL);
        box.put("sw_version", device.swVersion());
        box.put("configuration_url", device.configurationUrl());
        return config;
    }

    private ObjectNode command(ObjectNode config, String entity) {
        config.put("state_topic", topics.state(entity));
        config.put("command_topic", topics.command(entity));
        return config;
    }

    private void put(Map<String, byte[]> configs, String component, String entity, ObjectNode config) {
        try {
            configs.put(topics.config(component, device.nodeId(), entity), json.writeValueAsBytes(config));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the discovery config of " + entity, e);
        }
    }
}
