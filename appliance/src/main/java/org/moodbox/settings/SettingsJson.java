package org.moodbox.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.moodbox.model.Strategy;
import org.moodbox.vision.DetectorKind;
import org.moodbox.model.Emotion;
import org.moodbox.vision.EmotionModelKind;

/**
 * Settings to and from JSON, by hand rather than by Jackson's data binding, so that a wrong type in one
 * field ("volumeCap": "loud") becomes a sentence for that field, next to the other fields' problems, instead
 * of one opaque mapping exception. The same reader serves the settings file and the admin page's form.
 *
 * <p>Reading starts from a base: fields absent from the JSON keep the base's value, so a form that edits a
 * few settings cannot reset the others. Unknown fields are refused: a misspelt name must not vanish quietly.
 */
public final class SettingsJson {
    private static final Set<String> FIELDS = Set.of("languages", "favouriteArtists", "excludedArtists",
            "volumeCap", "screenSchedule", "detector", "cameraSource", "strategies", "libraryFolders", "youtube",
            "emotionModel", "gpio", "mqtt", "cameraOn");
    private static final Set<String> SCHEDULE_FIELDS = Set.of("nightDimStart", "nightDimEnd");

    private SettingsJson() {
    }

    /** The top-level field names that are not settings, in file order. */
    public static List<String> unknownFields(JsonNode root) {
        List<String> unknown = new java.util.ArrayList<>();
        root.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                unknown.add(name);
            }
        });
        return unknown;
    }

    public static ObjectNode write(ObjectMapper json, Settings s) {
        ObjectNode root = json.createObjectNode();
        strings(root.putArray("languages"), s.languages());
        strings(root.putArray("favouriteArtists"), s.favouriteArtists());
        strings(root.putArray("excludedArtists"), s.excludedArtists());
        root.put("volumeCap", s.volumeCap());
        ObjectNode schedule = root.putObject("screenSchedule");
        schedule.put("nightDimStart", s.screenSchedule().nightDimStart());
        schedule.put("nightDimEnd", s.screenSchedule().nightDimEnd());
        root.put("detector", s.detector().id());
        root.put("cameraSource", s.cameraSource());
        ObjectNode strategies = root.putObject("strategies");
        s.strategies().forEach((emotion, strategy) -> strategies.put(emotion.label(), strategy.label()));
        strings(root.putArray("libraryFolders"), s.libraryFolders());
        YoutubeSettingsJson.write(root.putObject("youtube"), s.youtube());
        root.put("emotionModel", s.emotionModel().id());
        GpioSettingsJson.write(root.putObject("gpio"), s.gpio());
        MqttSettingsJson.write(root.putObject("mqtt"), s.mqtt());
        root.put("cameraOn", s.cameraOn());
        return root;
    }

    /**
     * @throws InvalidSettingsException with every field's problem, whether of type or of value
     */
    public static Settings read(JsonNode root, Settings base) {
        if (root == null || !root.isObject()) {
            throw new InvalidSettingsException(Map.of("settings", "must be a JSON object"));
        }
        FieldErrors errors = new FieldErrors();
        root.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                errors.add(name, "is not a setting; known settings are " + String.join(", ", FIELDS.stream().sorted().toList()));
            }
        });
        List<String> languages = strings(errors, root, "languages", base.languages());
        List<String> favourites = strings(errors, root, "favouriteArtists", base.favouriteArtists());
        List<String> excluded = strings(errors, root, "excludedArtists", base.excludedArtists());
        double volumeCap = base.volumeCap();
        JsonNode cap = root.get("volumeCap");
        if (cap != null) {
            if (cap.isNumber()) {
                volumeCap = cap.doubleValue();
            } else {
                errors.add("volumeCap", "must be a number between 0 and 1, got " + cap);
            }
        }
        ScreenSchedule schedule = schedule(errors, root.get("screenSchedule"), base.screenSchedule());
        DetectorKind detector = base.detector();
        JsonNode d = root.get("detector");
        if (d != null) {
            detector = d.isTextual() ? DetectorKind.byId(d.textValue()).orElse(null) : null;
            if (detector == null) {
                errors.add("detector", "must be one of " + DetectorKind.names() + ", got " + d);
            }
        }
        String camera = text(errors, root, "cameraSource", base.cameraSource());
        EmotionModelKind emotionModel = base.emotionModel();
        JsonNode m = root.get("emotionModel");
        if (m != null) {
            emotionModel = m.isTextual() ? EmotionModelKind.byId(m.textValue()).orElse(null) : null;
            if (emotionModel == null) {
                errors.add("emotionModel", "must be one of " + EmotionModelKind.names() + ", got " + m);
            }
        }
        Map<Emotion, Strategy> strategies = StrategiesJson.read(errors, root.get("strategies"), base.strategies());
        List<String> folders = strings(errors, root, "libraryFolders", base.libraryFolders());
        YoutubeSettings youtube = YoutubeSettingsJson.read(errors, root.get("youtube"), base.youtube());
        GpioSettings gpio = GpioSettingsJson.read(errors, root.get("gpio"), base.gpio());
        MqttSettings mqtt = MqttSettingsJson.read(errors, root.get("mqtt"), base.mqtt());
        boolean cameraOn = base.cameraOn();
        JsonNode on = root.get("cameraOn");
        if (on != null) {
            if (on.isBoolean()) {
                cameraOn = on.booleanValue();
            } else {
                errors.add("cameraOn", "must be true or false, got " + on);
            }
        }
        try {
            Settings settings = new Settings(languages, favourites, excluded, volumeCap,
                    schedule == null ? base.screenSchedule() : schedule,
                    detector == null ? base.detector() : detector, camera, strategies, folders, youtube,
                    emotionModel == null ? base.emotionModel() : emotionModel, gpio == null ? base.gpio() : gpio,
                    mqtt == null ? base.mqtt() : mqtt, cameraOn);
            errors.throwIfAny();
            return settings;
        } catch (InvalidSettingsException e) {
            e.fieldErrors().forEach(errors::add);
            errors.throwIfAny();
            throw e;
        }
    }

    private static ScreenSchedule schedule(FieldErrors errors, JsonNode node, ScreenSchedule base) {
        if (node == null) {
            return base;
        }
        if (!node.isObject()) {
            errors.add("screenSchedule", "must be an object like {\"nightDimStart\": \"22:00\", \"nightDimEnd\": \"07:00\"}");
            return null;
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!SCHEDULE_FIELDS.contains(name)) {
                errors.add("screenSchedule." + name, "is not a schedule setting; use nightDimStart and nightDimEnd");
            }
        });
        String start = text(errors, node, "nightDimStart", "screenSchedule.nightDimStart", base.nightDimStart());
        String end = text(errors, node, "nightDimEnd", "screenSchedule.nightDimEnd", base.nightDimEnd());
        try {
            return new ScreenSchedule(start, end);
        } catch (InvalidSettingsException e) {
            e.fieldErrors().forEach(errors::add);
            return null;
        }
    }

    private static List<String> strings(FieldErrors errors, JsonNode root, String field, List<String> base) {
        JsonNode node = root.get(field);
        if (node == null) {
            return base;
        }
        if (!node.isArray()) {
            errors.add(field, "must be a list of names, like [\"a\", \"b\"]");
            return base;
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                errors.add(field, "every entry must be text, got " + item);
                return base;
            }
            values.add(item.textValue());
        }
        return values;
    }

    private static String text(FieldErrors errors, JsonNode root, String field, String base) {
        return text(errors, root, field, field, base);
    }

    private static String text(FieldErrors errors, JsonNode root, String field, String path, String base) {
        JsonNode node = root.get(field);
        if (node == null) {
            return base;
        }
        if (!node.isTextual()) {
            errors.add(path, "must be text, got " + node);
            return base;
        }
        return node.textValue();
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
