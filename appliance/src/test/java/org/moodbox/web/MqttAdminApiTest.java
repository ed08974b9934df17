package org.moodbox.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.moodbox.device.DeviceEvents;
import org.moodbox.mqtt.BoxPorts;
import org.moodbox.mqtt.DeviceInfo;
import org.moodbox.mqtt.MqttRoom;
import org.moodbox.settings.SecretFile;
import org.moodbox.testing.Mosquitto;
import org.moodbox.web.admin.MqttAdminRoutes;

/**
 * The owner's "Home Assistant / MQTT" section of the admin API against a real Mosquitto: the link is set with the
 * other settings and checked as they are, the password goes in and never comes out (not even as a hint), and the
 * section shows the link's real state: connected, or refused credentials.
 */
class MqttAdminApiTest {
    static final String ADMIN_PASSWORD = "correct horse";
    @RegisterExtension
    final WebRig rig = WebRig.withOwner();
    private Mosquitto broker;
    private SecretFile secret;
    private AdminClient phone;

    @BeforeEach
    void start() throws Exception {
        broker = Mosquitto.start(rig.folder().resolve("broker"));
        secret = SecretFile.open(rig.data(), "mqtt-password");
        MqttRoom room = rig.closeAfter(startRoom(rig, secret));
        rig.with(new MqttAdminRoutes(room, secret));
        phone = new AdminClient(rig.server().port());
        phone.setUp(ADMIN_PASSWORD);
    }

    /** The box's broker link over the rig's real rooms; the box's controls only record what reached them. */
    static MqttRoom startRoom(WebRig rig, SecretFile secret) {
        List<String> controls = new CopyOnWriteArrayList<>();
        DeviceEvents recorded = new DeviceEvents() {
            @Override
            public void onNext() {
                controls.add("next");
            }

            @Override
            public void onLike() {
                controls.add("like");
            }

            @Override
            public void onPresence(boolean present) {
                controls.add("presence");
            }
        };
        RealRooms rooms = rig.rooms();
        return MqttRoom.start(rig.settings(), secret, new BoxPorts(rooms.moodTracker, rooms.player, recorded),
                new DeviceInfo("0a1b2c3d4e5f", "testbox", "test", "http://testbox.local/admin",
                        "http://testbox.local/api/artwork/"), rig.data().resolve("mqtt-group.json"), Clock.systemUTC());
    }

    @AfterEach
    void stop() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void thePasswordGoesInOwnerOnlyAndNeverComesOut() throws Exception {
        assertThat(phone.get("/admin/api/mqtt").json().path("state").asText()).isEqualTo("off");
        assertThat(phone.put("/admin/api/settings", link(broker.port())).status()).isEqualTo(200);

        AdminClient.Reply saved = phone.put("/admin/api/mqtt/password", "{\"password\": \"" + Mosquitto.PASSWORD + "\"}");
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.json().path("passwordSet").asBoolean()).isTrue();
        await().atMost(Duration.ofSeconds(20)).until(() ->
                phone.get("/admin/api/mqtt").json().path("state").asText().equals("connected"));
        AdminClient.Reply status = phone.get("/admin/api/mqtt");
        assertThat(status.json().path("broker").asText()).isEqualTo("mqtt://127.0.0.1:" + broker.port());
        assertThat(status.json().path("baseTopic").asText()).isEqualTo("moodbox/testbox");
        assertThat(status.json().path("lastMessageAt").asText()).isNotBlank();
        for (AdminClient.Reply reply : List.of(saved, status, phone.get("/admin/api/settings"))) {
            assertThat(reply.toString()).doesNotContain(Mosquitto.PASSWORD).doesNotContain("a broker");
        }
        Path file = rig.data().resolve("mqtt-password");
        assertThat(Files.readString(file)).isEqualTo(Mosquitto.PASSWORD);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

        AdminClient.Reply wrong = phone.put("/admin/api/mqtt/password", "{\"password\": \"not it\"}");
        assertThat(wrong.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() ->
                phone.get("/admin/api/mqtt").json().path("state").asText().equals("refused_credentials"));

        AdminClient.Reply removed = phone.send(phone.withCsrf("/admin/api/mqtt/password").DELETE());
        assertThat(removed.json().path("passwordSet").asBoolean()).isFalse();
        assertThat(file).doesNotExist();
    }

    @Test
    void badLinkSettingsAndPasswordsAreRefusedNextToTheirFieldsAndChangeNothing() throws Exception {
        AdminClient.Reply refused = phone.put("/admin/api/settings",
                "{\"mqtt\": {\"enabled\": true, \"host\": \"\", \"port\": \"1883\", \"baseTopic\": \"a/+/b\"}}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("fields").fieldNames()).toIterable()
                .contains("mqtt.host", "mqtt.port", "mqtt.baseTopic");
        assertThat(rig.settings().current().mqtt().enabled()).isFalse();

        for (String body : List.of("{\"password\": \"\"}", "{\"password\": \"" + "x".repeat(201) + "\"}",
                "{\"password\": \"bell\\u0007\"}")) {
            AdminClient.Reply no = phone.put("/admin/api/mqtt/password", body);
            assertThat(no.status()).as(body).isEqualTo(400);
            assertThat(no.json().path("fields").path("mqtt.password").asText()).as(body).isNotBlank();
        }
        assertThat(secret.value()).isEmpty();

        AdminClient stranger = new AdminClient(rig.server().port());
        stranger.openSession();
        assertThat(stranger.get("/admin/api/mqtt").status()).isEqualTo(401);
        assertThat(stranger.put("/admin/api/mqtt/password", "{\"password\": \"x\"}").status()).isEqualTo(401);
    }

    static String link(int port) {
        return "{\"mqtt\": {\"enabled\": true, \"host\": \"127.0.0.1\", \"port\": " + port + ", \"tls\": false, "
                + "\"user\": \"" + Mosquitto.USER + "\"}}";
    }
}
