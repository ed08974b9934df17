package org.moodbox.web.admin;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.moodbox.mqtt.LinkStatus;
import org.moodbox.mqtt.MqttRoom;
import org.moodbox.settings.SecretFile;
import org.moodbox.web.shared.Access;
import org.moodbox.web.shared.JsonBody;
import org.moodbox.web.shared.WebExtension;
import org.moodbox.web.shared.WebJson;
import org.moodbox.web.shared.WebRoom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The owner's "Home Assistant / MQTT" section under {@code /admin/api/mqtt}: the link's state (connected, or
 * why not, and when the last message passed), the base topic in use, the group document's fate, and the broker
 * password, which can be set or removed but is never sent back, not even as a hint. The link settings
 * themselves travel with the other settings ({@code PUT /admin/api/settings}, the {@code mqtt} object).
 */
public final class MqttAdminRoutes implements WebExtension {
    private static final Logger LOG = LoggerFactory.getLogger(MqttAdminRoutes.class);
    static final int MAX_PASSWORD_LENGTH = 200;

    private final MqttRoom mqtt;
    private final SecretFile password;
    private final com.fasterxml.jackson.databind.ObjectMapper json = WebJson.mapper();

    /** @param password the broker password's secret file (0600) */
    public MqttAdminRoutes(MqttRoom mqtt, SecretFile password) {
        this.mqtt = Objects.requireNonNull(mqtt, "mqtt");
        this.password = Objects.requireNonNull(password, "password");
    }

    @Override
    public void register(RoutesConfig routes, WebRoom room) {
        routes.get("/admin/api/mqtt", ctx -> ctx.json(view()), Access.OWNER);
        routes.put("/admin/api/mqtt/password", this::putPassword, Access.OWNER);
        routes.delete("/admin/api/mqtt/password", ctx -> {
            password.clear();
            LOG.info("MQTT password removed from {}", ctx.ip());
            mqtt.reconnect();
            ctx.json(view());
        }, Access.OWNER);
    }

    private void putPassword(Context ctx) {
        String given = JsonBody.of(ctx, json, "{\"password\": \"...\"}").optionalText("password");
        String problem = given.isBlank() ? "is required; to remove the stored one use Remove"
                : given.length() > MAX_PASSWORD_LENGTH ? "must have at most " + MAX_PASSWORD_LENGTH + " characters"
                : given.chars().anyMatch(Character::isISOControl) ? "may not contain control characters" : null;
        if (problem != null) {
            ctx.status(400).json(Map.of("error", "the MQTT password was not saved",
                    "fields", Map.of("mqtt.password", problem)));
            return;
        }
        password.set(given);
        LOG.info("MQTT password set from {}", ctx.ip()); // never the password itself
        mqtt.reconnect();
        ctx.json(view());
    }

    private Map<String, Object> view() {
        LinkStatus s = mqtt.status();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("state", s.state().name().toLowerCase(java.util.Locale.ROOT));
        v.put("stateLabel", s.state().label());
        v.put("broker", s.broker());
        v.put("detail", s.detail());
        v.put("since", time(s.since()));
        v.put("lastMessageAt", time(s.lastMessageAt()));
        v.put("nextTryAt", time(s.nextTryAt()));
        v.put("baseTopic", mqtt.baseTopic());
        v.put("passwordSet", password.value().isPresent());
        v.put("ignored", s.ignored());
        if (s.group() == null) {
            v.put("group", null);
        } else {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("group", s.group().group());
            g.put("state", s.group().state());
            g.put("at", time(s.group().at()));
            g.put("changed", s.group().changed());
            g.put("errors", s.group().errors());
            v.put("group", g);
        }
        return v;
    }

    private static String time(Instant at) {
        return at == null ? null : at.toString();
    }
}
