package org.moodbox.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moodbox.model.Emotion;
import org.moodbox.model.Strategy;
import org.moodbox.model.Track;
import org.moodbox.mqtt.BoxPorts;
import org.moodbox.mqtt.DeviceInfo;
import org.moodbox.mqtt.LinkState;
import org.moodbox.mqtt.MqttRoom;
import org.moodbox.playback.PlaybackState;
import org.moodbox.settings.SecretFile;
import org.moodbox.settings.SettingsStore;
import org.moodbox.testing.Mosquitto;
import org.moodbox.web.ServerOptions;
import org.moodbox.web.WebServer;
import org.moodbox.web.shared.KioskRooms;
import org.moodbox.web.shared.TrackFeedback;
import org.moodbox.web.shared.TrackLookup;
import org.slf4j.LoggerFactory;

/**
 * The box on a real broker (Debian's Mosquitto, started here on a free loopback port, with a password file and a
 * TLS listener whose CA the test made), wired as the appliance wires it: the real mood tracker, player, catalog
 * and box controls ({@link ControlsRig}), the settings store on disk. What the box published is read back with
 * Debian's mosquitto_sub; commands are sent with mosquitto_pub; what they did is read from the rooms themselves.
 */
class MqttLinkTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String BASE = "moodbox/testbox";
    private static final String PREFIX = "homeassistant";
    private static final DeviceInfo DEVICE = new DeviceInfo("0a1b2c3d4e5f", "testbox", "0.1.0-test",
            "http://testbox.local:8080/admin", "http://testbox.local:8080/api/artwork/");
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path folder;
    private ControlsRig rig;
    private Mosquitto broker;
    private SettingsStore settings;
    private SecretFile password;
    private MqttRoom room;

    @BeforeEach
    void start() throws Exception {
        broker = Mosquitto.withTls(folder.resolve("broker"));
        rig = new ControlsRig(folder);
        settings = SettingsStore.open(folder);
        OwnerSettings.volumeCap(settings, rig.player, 1.0);
        password = SecretFile.open(folder, Appliance.MQTT_PASSWORD_FILE);
        password.set(Mosquitto.PASSWORD);
        room = MqttRoom.start(settings, password, new BoxPorts(rig.mood, rig.player, rig.controls), DEVICE,
                folder.resolve("mqtt-group.json"), Clock.systemUTC());
    }

    @AfterEach
    void stop() throws Exception {
        if (room != null) {
            room.close();
        }
        if (rig != null) {
            rig.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void discoveryDescribesTheWholeBoxUnderOneDeviceAndComesBackWhenHomeAssistantDoes() throws Exception {
        link(broker.port(), false, null, "");
        Map<String, String> configs = awaitRetained(PREFIX + "/#", 12);
        assertThat(configs.keySet()).containsExactlyInAnyOrder(
                config("sensor", "mood"), config("sensor", "valence"), config("sensor", "arousal"),
                config("sensor", "now_playing"), config("binary_sensor", "presence"),
                config("select", "mood_override"), config("select", "strategy"), config("number", "volume"),
                config("button", "play_pause"), config("button", "skip"), config("button", "like"),
                config("switch", "camera"));
        for (Map.Entry<String, String> entry : configs.entrySet()) {
            JsonNode c = json.readTree(entry.getValue());
            String component = entry.getKey().split("/")[1];
            assertThat(c.path("name").asText()).as(entry.getKey()).isNotBlank();
            assertThat(c.path("unique_id").asText()).as(entry.getKey()).startsWith("moodbox_0a1b2c3d4e5f_");
            assertThat(c.path("availability_topic").asText()).isEqualTo(BASE + "/available");
            if (!component.equals("button")) {
                assertThat(c.path("state_topic").asText()).as(entry.getKey()).startsWith(BASE + "/").endsWith("/state");
            }
            if (List.of("select", "number", "button", "switch").contains(component)) {
                assertThat(c.path("command_topic").asText()).as(entry.getKey()).startsWith(BASE + "/").endsWith("/set");
            }
            JsonNode device = c.path("device");
            assertThat(device.path("identifiers").get(0).asText()).isEqualTo("moodbox_0a1b2c3d4e5f");
            assertThat(device.path("model").asText()).isEqualTo("Moodbox");
            assertThat(device.path("sw_version").asText()).isEqualTo("0.1.0-test");
            assertThat(device.path("configuration_url").asText()).isEqualTo("http://testbox.local:8080/admin");
        }
        JsonNode override = json.readTree(configs.get(config("select", "mood_override")));
        assertThat(override.path("options")).extracting(JsonNode::asText)
                .containsExactly("auto", "angry", "disgust", "fear", "happy", "sad", "surprise", "neutral");
        assertThat(json.readTree(configs.get(config("number", "volume"))).path("max").asInt()).isEqualTo(80);

        Map<String, String> state = awaitRetained(BASE + "/#", 8);
        assertThat(state).containsEntry(BASE + "/available", "online")
                .containsEntry(BASE + "/presence/state", "OFF").containsEntry(BASE + "/mood_override/state", "auto")
                .containsEntry(BASE + "/strategy/state", "default").containsEntry(BASE + "/camera/state", "ON")
                .containsKeys(BASE + "/now_playing/state", BASE + "/volume/state");
        assertThat(fields(state.get(BASE + "/mood/state")))
                .as("numbers and names only: never a picture or a face")
                .containsExactlyInAnyOrder("emotion", "confidence", "valence", "arousal", "sure", "source");
        assertThat(fields(state.get(BASE + "/now_playing/state")))
                .containsExactlyInAnyOrder("state", "title", "artist", "album", "source", "art_url");

        // Home Assistant restarted with its retained configs lost: it says online, the box sends them again.
        broker.publish(config("sensor", "mood"), "", true);
        assertThat(broker.retained(PREFIX + "/#")).doesNotContainKey(config("sensor", "mood"));
        broker.publish(PREFIX + "/status", "online", false);
        awaitRetained(PREFIX + "/#", 12);
    }

    @Test
    void eachCommandReachesTheRoomThatActsOnIt() throws Exception {
        link(broker.port(), false, null, "");
        Track first = rig.askNextAndAwaitIt();

        // skip: the button's next, with its verdict on the track that played
        broker.publish(BASE + "/skip/set", "PRESS", false);
        Track second = rig.waitUntilPlaying(first);
        await().atMost(PATIENCE).until(() -> rig.tally(first.id()).skips() == 1);
        await().atMost(PATIENCE).until(() -> retainedNowPlaying().path("title").asText().equals(second.title()));
        assertThat(retainedNowPlaying().path("art_url").asText()).isEqualTo(DEVICE.artworkBase() + second.id());

        // like: the button's long press
        broker.publish(BASE + "/like/set", "PRESS", false);
        await().atMost(PATIENCE).until(() -> rig.tally(second.id()).likes() == 1);

        // play/pause: the kiosk's pause and resume
        broker.publish(BASE + "/play_pause/set", "PRESS", false);
        await().atMost(PATIENCE).until(() -> rig.player.state().status() == PlaybackState.Status.PAUSED);
        broker.publish(BASE + "/play_pause/set", "PRESS", false);
        await().atMost(PATIENCE).until(() -> rig.player.state().status() == PlaybackState.Status.PLAYING);

        // volume in percent: the kiosk's slider, clipped to the owner's cap
        broker.publish(BASE + "/volume/set", "35", false);
        await().atMost(PATIENCE).until(() -> Math.abs(rig.player.state().volume() - 0.35) < 1e-9);
        await().atMost(PATIENCE).until(() -> "35".equals(broker.retained(BASE + "/volume/state").get(BASE + "/volume/state")));

        // mood override: the kiosk's "not my mood", and "auto" to end it
        broker.publish(BASE + "/mood_override/set", "sad", false);
        await().atMost(PATIENCE).until(() -> rig.mood.current().emotion() == Emotion.SAD
                && rig.mood.current().source().equals("override"));
        await().atMost(PATIENCE).until(() -> "sad".equals(broker.retained(BASE + "/mood_override/state")
                .get(BASE + "/mood_override/state")));
        broker.publish(BASE + "/mood_override/set", "auto", false);
        await().atMost(PATIENCE).until(() -> !rig.mood.current().source().equals("override"));

        // strategy and camera: saves of the owner's settings, through the store's checks
        broker.publish(BASE + "/strategy/set", "calm", false);
        await().atMost(PATIENCE).until(() -> settings.current().strategies().values().stream()
                .allMatch(s -> s == Strategy.CALM));
        await().atMost(PATIENCE).until(() -> "calm".equals(broker.retained(BASE + "/strategy/state")
                .get(BASE + "/strategy/state")));
        broker.publish(BASE + "/camera/set", "OFF", false);
        await().atMost(PATIENCE).until(() -> !settings.current().cameraOn());
        await().atMost(PATIENCE).until(() -> "OFF".equals(broker.retained(BASE + "/camera/state").get(BASE + "/camera/state")));
        assertThat(SettingsStore.open(folder).current().cameraOn()).as("saved on disk").isFalse();
    }

    @Test
    void badPayloadsAndABurstOfAThousandAreBoundedAndTheKioskKeepsAnswering() throws Exception {
        link(broker.port(), false, null, "");
        ListAppender<ILoggingEvent> warnings = capture("org.moodbox.mqtt.Commands");
        rig.askNextAndAwaitIt();
        int nextLines = countNext();
        try (WebServer kiosk = new WebServer(new KioskRooms(rig.mood, rig.recommender, rig.player, rig.catalog,
                TrackLookup.of(rig.catalog), () -> true, TrackFeedback.of(rig.catalog)),
                ServerOptions.on("127.0.0.1", 0), List.of())) {
            // 200 KB: the box told the broker (MQTT 5's maximum packet size) that it takes nothing over 128 KB, so
            // the broker drops it for the box: it never even reaches the command check.
            broker.publishFile(BASE + "/volume/set", Files.write(folder.resolve("huge"), new byte[200 * 1024]));
            broker.publish(BASE + "/volume/set", "33", false);
            await().atMost(PATIENCE).until(() -> Math.abs(rig.player.state().volume() - 0.33) < 1e-9);
            assertThat(room.status().ignored()).as("nothing arrived to be ignored").isNull();

            Path notUtf8 = Files.write(folder.resolve("bytes"), new byte[]{(byte) 0xff, (byte) 0xfe, 0x41});
            broker.publishFile(BASE + "/volume/set", notUtf8);
            broker.publish(BASE + "/volume/set", "x".repeat(2000), false);
            broker.publish(BASE + "/volume/set", "loud", false);
            broker.publish(BASE + "/volume/set", "150", false);
            broker.publish(BASE + "/camera/set", "maybe", false);
            broker.publish(BASE + "/nonsense/set", "PRESS", false);

            askKiosk(kiosk.port(), 3); // a new server's first answers load classes; the box's has long done that
            List<Duration> answers = new CopyOnWriteArrayList<>();
            Thread asking = new Thread(() -> answers.addAll(askKiosk(kiosk.port(), 20)));
            asking.start();
            broker.publishLines(BASE + "/skip/set", Collections.nCopies(1000, "PRESS"));
            asking.join();
            assertThat(answers).as("the kiosk's answers during the burst: %s", answers).hasSize(20)
                    .allSatisfy(d -> assertThat(d).isLessThan(Duration.ofSeconds(1)));

            // Nothing stuck: a later good command still acts, after everything before it.
            broker.publish(BASE + "/volume/set", "42", false);
            await().atMost(PATIENCE).until(() -> Math.abs(rig.player.state().volume() - 0.42) < 1e-9);
        }
        int skipsActedOn = countNext() - nextLines;
        assertThat(skipsActedOn).as("a burst is a few presses, never a thousand")
                .isBetween(1, 5 + 2 * 10);
        List<ILoggingEvent> warned = warnings.list.stream().filter(e -> e.getLevel() == Level.WARN).toList();
        assertThat(warned).as("one collapsed warning, not a thousand lines").hasSizeLessThanOrEqualTo(2);
        assertThat(room.status().ignored()).contains("commands ignored");
        assertThat(room.status().state()).isEqualTo(LinkState.CONNECTED);
    }

    @Test
    void aBrokerKilledAndRestartedGetsTheBoxBackWithEverythingAnnounced() throws Exception {
        link(broker.port(), false, null, "");
        awaitRetained(PREFIX + "/#", 12);
        broker.kill();
        await().atMost(PATIENCE).until(() -> room.status().state() == LinkState.UNREACHABLE);
        rig.player.setVolume(0.27); // state changes while the broker is away wait in the outbox, one per topic
        Thread.sleep(1500); // let the backoff grow past its first step, as a real outage would
        Instant back = Instant.now();
        broker.restart(); // without persistence: every retained message is gone
        await().atMost(PATIENCE).until(() -> room.status().state() == LinkState.CONNECTED);
        Map<String, String> state = awaitRetained(BASE + "/#", 8);
        awaitRetained(PREFIX + "/#", 12);
        Duration took = Duration.between(back, Instant.now());
        assertThat(state).containsEntry(BASE + "/available", "online").containsEntry(BASE + "/volume/state", "27");
        assertThat(took).as("re-announced within 10 s of the broker's return").isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void refusedCredentialsGiveAClearStatusAndNoTightLoop() throws Exception {
        password.set("not the password");
        link(broker.port(), false, null, "");
        await().atMost(PATIENCE).until(() -> room.status().state() == LinkState.REFUSED_CREDENTIALS);
        assertThat(room.status().detail()).contains("user name or password").contains("trying again in 60 s");
        assertThat(room.status().nextTryAt()).isAfter(Instant.now().plusSeconds(50));
        Thread.sleep(2000);
        long attempts = broker.log().lines().filter(l -> l.contains("not authorised")).count();
        assertThat(attempts).as("one try, then a minute's wait").isEqualTo(1);

        password.set(Mosquitto.PASSWORD);
        room.reconnect(); // what the admin page does after a new password
        await().atMost(PATIENCE).until(() -> room.status().state() == LinkState.CONNECTED);
    }

    @Test
    void tlsWithTheBrokersCaConnectsAndWithAnotherCaFailsClearly() throws Exception {
        link(broker.tlsPort(), true, broker.caFile(), "");
        await().atMost(PATIENCE).until(() -> room.status().state() == LinkState.CONNECTED);
        awaitRetained(PREFIX + "/#", 12);

        link(broker.tlsPort(), true, broker.otherCaFile(), "");
        await().atMost(PATIENCE).until(() -> room.status().state() == LinkState.TLS_FAILED);
        assertThat(room.status().detail()).startsWith("TLS failed");

        link(broker.tlsPort(), false, null, ""); // plain MQTT to the TLS port
        await().atMost(PATIENCE).until(() -> room.status().state() != LinkState.CONNECTING);
        assertThat(room.status().state()).isNotEqualTo(LinkState.CONNECTED);
    }

    @Test
    void aGroupDocumentIsAppliedRefusedWholeWhenInvalidAndIgnoredWhenNotFollowed() throws Exception {
        String topic = "moodbox/groups/cafes/settings";
        // Not following: a document is ignored.
        link(broker.port(), false, null, "");
        awaitRetained(PREFIX + "/#", 12);
        broker.publish(topic, "{\"volumeCap\": 0.5}", true);
        broker.publish(BASE + "/volume/set", "20", false); // a marker through the same link, after the document
        await().atMost(PATIENCE).until(() -> Math.abs(rig.player.state().volume() - 0.2) < 1e-9);
        assertThat(settings.current().volumeCap()).isEqualTo(0.8);

        // Following: the retained document is applied as the admin page's save would.
        settings.update(json.readTree("{\"mqtt\": {\"followGroup\": true, \"group\": \"cafes\"}}"));
        await().atMost(PATIENCE).until(() -> settings.current().volumeCap() == 0.5);
        broker.publish(topic, """
                {"volumeCap": 0.6, "quietHours": {"start": "21:00", "end": "08:00"}, "strategies": {"sad": "calm"},
                 "languages": ["en", "fr"], "excludedArtists": ["Noise Co"]}""", true);
        await().atMost(PATIENCE).until(() -> settings.current().volumeCap() == 0.6);
        assertThat(settings.current().screenSchedule().nightDimStart()).isEqualTo("21:00");
        assertThat(settings.current().strategies()).containsEntry(Emotion.SAD, Strategy.CALM);
        assertThat(settings.current().languages()).containsExactly("en", "fr");
        assertThat(settings.current().excludedArtists()).containsExactly("Noise Co");
        await().atMost(PATIENCE).until(() -> groupStatus().path("state").asText().equals("applied"));

        // The owner changes the cap afterwards: a reconnect re-delivers the same document, and the owner's wins.
        settings.update(json.readTree("{\"volumeCap\": 0.7}"));
        room.reconnect();
        await().atMost(PATIENCE).until(() -> room.status().group() != null
                && room.status().group().state().equals("unchanged"));
        assertThat(settings.current().volumeCap()).isEqualTo(0.7);

        // An invalid document is refused whole: its good fields change nothing either.
        broker.publish(topic, "{\"volumeCap\": 0.3, \"languages\": [\"xx\"], \"quietHours\": {\"start\": \"25:00\"},"
                + " \"colour\": \"red\"}", true);
        await().atMost(PATIENCE).until(() -> groupStatus().path("state").asText().equals("refused"));
        JsonNode errors = groupStatus().path("errors");
        assertThat(errors.has("colour")).isTrue();
        assertThat(settings.current().volumeCap()).isEqualTo(0.7);
        broker.publish(topic, "{\"volumeCap\": 3, \"languages\": [\"xx\"], \"quietHours\": {\"start\": \"25:00\"}}", true);
        await().atMost(PATIENCE).until(() -> groupStatus().path("errors").has("quietHours.start"));
        assertThat(groupStatus().path("errors").fieldNames()).toIterable().contains("volumeCap", "languages");
        assertThat(settings.current().volumeCap()).isEqualTo(0.7);
        assertThat(settings.current().languages()).containsExactly("en", "fr");
    }

    @Test
    void turningTheLinkOffClearsWhatTheBoxLeftOnTheBroker() throws Exception {
        link(broker.port(), false, null, "");
        awaitRetained(PREFIX + "/#", 12);
        awaitRetained(BASE + "/#", 8);
        settings.update(json.readTree("{\"mqtt\": {\"enabled\": false}}"));
        await().atMost(PATIENCE).until(() -> room.status().state() == LinkState.OFF);
        assertThat(broker.retained(PREFIX + "/#")).isEmpty();
        assertThat(broker.retained(BASE + "/#")).isEmpty();
    }

    @Test
    void moodSharingOffKeepsTheMoodOnTheBox() throws Exception {
        link(broker.port(), false, null, "");
        awaitRetained(BASE + "/mood/state", 1);
        settings.update(json.readTree("{\"mqtt\": {\"shareMood\": false}}"));
        await().atMost(PATIENCE).until(() -> !broker.retained(BASE + "/#").containsKey(BASE + "/mood/state"));
        await().atMost(PATIENCE).until(() -> broker.retained(PREFIX + "/#").size() == 9);
        assertThat(broker.retained(PREFIX + "/#")).doesNotContainKeys(config("sensor", "mood"),
                config("sensor", "valence"), config("sensor", "arousal"));
        assertThat(broker.retained(BASE + "/#")).containsKey(BASE + "/presence/state");
    }

    // --- helpers ---

    private void link(int port, boolean tls, Path ca, String baseTopic) throws Exception {
        String caFile = ca == null ? "" : ca.toString();
        settings.update(json.readTree("{\"mqtt\": {\"enabled\": true, \"host\": \"127.0.0.1\", \"port\": " + port
                + ", \"tls\": " + tls + ", \"caFile\": \"" + caFile + "\", \"user\": \"" + Mosquitto.USER
                + "\", \"baseTopic\": \"" + baseTopic + "\"}}"));
    }

    private Map<String, String> awaitRetained(String filter, int atLeast) {
        Object[] last = {Map.of()};
        await().atMost(PATIENCE).until(() -> {
            Map<String, String> now = broker.retained(filter);
            last[0] = now;
            return now.size() >= atLeast;
        });
        @SuppressWarnings("unchecked")
        Map<String, String> found = (Map<String, String>) last[0];
        return found;
    }

    private JsonNode retainedNowPlaying() throws Exception {
        String value = broker.retained(BASE + "/now_playing/state").get(BASE + "/now_playing/state");
        return value == null ? json.createObjectNode() : json.readTree(value);
    }

    private JsonNode groupStatus() throws Exception {
        String value = broker.retained(BASE + "/group/status").get(BASE + "/group/status");
        return value == null ? json.createObjectNode() : json.readTree(value);
    }

    private List<String> fields(String document) throws Exception {
        List<String> names = new ArrayList<>();
        json.readTree(document).fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String config(String component, String entity) {
        return PREFIX + "/" + component + "/moodbox_0a1b2c3d4e5f/" + entity + "/config";
    }

    private int countNext() {
        return (int) rig.controlLines().stream().filter(l -> l.startsWith("button: next")).count();
    }

    /** GET /api/state as the kiosk screen does, {@code times} times, each answer's time. */
    private static List<Duration> askKiosk(int port, int times) {
        HttpClient http = HttpClient.newHttpClient();
        List<Duration> took = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            long start = System.nanoTime();
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/state")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 200) {
                    throw new AssertionError("kiosk answered " + answer.statusCode());
                }
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            took.add(Duration.ofNanos(System.nanoTime() - start));
        }
        return took;
    }

    private static ListAppender<ILoggingEvent> capture(String logger) {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.list = new CopyOnWriteArrayList<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(logger)).addAppender(appender);
        return appender;
    }
}
