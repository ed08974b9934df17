package org.moodbox.mqtt;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.moodbox.mqtt.LinkStatus.GroupStatus;
import org.moodbox.settings.InvalidSettingsException;
import org.moodbox.settings.SettingsStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fleet's settings document, the retained JSON on {@code moodbox/groups/<group>/settings}:
 * <pre>
 * {"volumeCap": 0.6, "quietHours": {"start": "22:00", "end": "07:00"}, "strategies": {"sad": "calm"},
 *  "languages": ["en", "fr"], "excludedArtists": ["Noise Co"]}
 * </pre>
 * Every field is optional; the quiet hours are the box's night hours (the screen dims). The document becomes a
 * settings change and goes through the store's checks, the admin page's: one bad field refuses the whole
 * document and nothing changes. The owner's own changes after a document win until the next, different
 * document: the same document again (a reconnect, a restart: it is retained) is not applied twice, which the
 * box remembers in {@code mqtt-group.json} beside its settings.
 */
final class GroupSettings {
    private static final Logger LOG = LoggerFactory.getLogger(GroupSettings.class);
    static final Set<String> FIELDS = Set.of("volumeCap", "quietHours", "strategies", "languages", "excludedArtists");
    private static final Set<String> QUIET_FIELDS = Set.of("start", "end");

    private final SettingsStore settings;
    private final Path memory;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private volatile GroupStatus status;

    /** @param memory the file that remembers the last applied document's digest */
    GroupSettings(SettingsStore settings, Path memory, Clock clock) {
        this.settings = settings;
        this.memory = memory;
        this.clock = clock;
    }

    GroupStatus status() {
        return status;
    }

    /** A document for {@code group}; returns what became of it (also kept for {@link #status()}). */
    GroupStatus apply(String group, byte[] payload) {
        status = decide(group, payload);
        LOG.info("MQTT: group '{}' settings {}{}", group, status.state(),
                status.errors().isEmpty() ? "" : ": " + status.errors());
        return status;
    }

    private GroupStatus decide(String group, byte[] payload) {
        if (payload.length == 0) {
            return status(group, "no document", List.of(), Map.of());
        }
        String digest = sha256(payload);
        if (digest.equals(remembered(group))) {
            return status(group, "unchanged", List.of(), Map.of());
        }
        Map<String, String> errors = new LinkedHashMap<>();
        ObjectNode changes = changes(payload, errors);
        if (changes == null) {
            return status(group, "refused", List.of(), errors);
        }
        try {
            settings.update(changes);
        } catch (InvalidSettingsException e) {
            e.fieldErrors().forEach((field, message) -> errors.put(groupField(field), message));
            return status(group, "refused", List.of(), errors);
        } catch (RuntimeException e) {
            errors.put("settings", "could not be saved: " + e.getMessage());
            return status(group, "refused", List.of(), errors);
        }
        remember(group, digest);
        List<String> changed = new ArrayList<>();
        readTree(payload).fieldNames().forEachRemaining(changed::add);
        return status(group, "applied", changed, Map.of());
    }

    /** The settings change the document asks for, or null with the reasons in {@code errors}. */
    private ObjectNode changes(byte[] payload, Map<String, String> errors) {
        JsonNode doc;
        try {
            Commands.strictUtf8(payload);
            doc = json.readTree(payload);
        } catch (CharacterCodingException e) {
            errors.put("document", "is not UTF-8 text");
            return null;
        } catch (IOException e) {
            errors.put("document", "is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
            return null;
        }
        if (doc == null || !doc.isObject() || doc.isEmpty()) {
            errors.put("document", "must be a JSON object with one or more of " + String.join(", ", sorted(FIELDS)));
            return null;
        }
        ObjectNode changes = json.createObjectNode();
        doc.fields().forEachRemaining(field -> {
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (!FIELDS.contains(name)) {
                errors.put(name, "is not a group setting; they are " + String.join(", ", sorted(FIELDS)));
            } else if (name.equals("quietHours")) {
                quietHours(value, changes, errors);
            } else {
                changes.set(name, value);
            }
        });
        return errors.isEmpty() ? changes : null;
    }

    private static void quietHours(JsonNode value, ObjectNode changes, Map<String, String> errors) {
        if (!value.isObject() || !QUIET_FIELDS.containsAll(iterable(value)) || value.isEmpty()) {
            errors.put("quietHours", "must be an object like {\"start\": \"22:00\", \"end\": \"07:00\"}");
            return;
        }
        ObjectNode schedule = changes.putObject("screenSchedule");
        if (value.has("start")) {
            schedule.set("nightDimStart", value.get("start"));
        }
        if (value.has("end")) {
            schedule.set("nightDimEnd", value.get("end"));
        }
    }

    /** The settings' field names back in the document's words. */
    private static String groupField(String field) {
        return field.replace("screenSchedule.nightDimStart", "quietHours.start")
                .replace("screenSchedule.nightDimEnd", "quietHours.end").replace("screenSchedule", "quietHours");
    }

    private GroupStatus status(String group, String state, List<String> changed, Map<String, String> errors) {
        return new GroupStatus(group, state, clock.instant(), List.copyOf(changed), Map.copyOf(errors));
    }

    private String remembered(String group) {
        try {
            JsonNode saved = json.readTree(Files.readAllBytes(memory));
            return saved != null && group.equals(saved.path("group").asText()) ? saved.path("sha256").asText() : null;
        } catch (IOException e) {
            return null; // none yet, or unreadable: the document is applied, which is what a new box does
        }
    }

    private void remember(String group, String digest) {
        try {
            Path partial = memory.resolveSibling(memory.getFileName() + ".partial");
            Files.write(partial, json.writeValueAsBytes(json.createObjectNode().put("group", group)
                    .put("sha256", digest).put("appliedAt", clock.instant().toString())));
            Files.move(partial, memory, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("MQTT: cannot remember the group document ({}); after a restart it is applied again", e.getMessage());
        }
    }

    private JsonNode readTree(byte[] payload) {
        try {
            return json.readTree(payload);
        } catch (IOException e) {
            throw new IllegalStateException(e); // read once already
        }
    }

    private static String sha256(byte[] payload) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(payload));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> iterable(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }
}
