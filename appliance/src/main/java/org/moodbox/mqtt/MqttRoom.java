package org.moodbox.mqtt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.moodbox.model.Mood;
import org.moodbox.mqtt.LinkStatus.GroupStatus;
import org.moodbox.playback.PlaybackState;
import org.moodbox.settings.MqttSettings;
import org.moodbox.settings.SecretFile;
import org.moodbox.settings.Settings;
import org.moodbox.settings.SettingsStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The box on an MQTT broker: follows the owner's link settings (on, off, another broker, another base topic),
 * publishes the box's state and Home Assistant's discovery configs, and hands commands and a fleet's group
 * settings to {@link Commands} and {@link GroupSettings}.
 *
 * <p>Everything runs on one thread of its own ("mqtt"): the rooms' threads only put the newest state into the
 * {@link Outbox}, and the client's threads only check a message and hand it over. The kiosk, vision and
 * playback never wait on the broker; a broker that is down costs them nothing.
 */
public final class MqttRoom implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MqttRoom.class);
    /** State topics are sent at most this often each: twice a second. */
    static final Duration STATE_INTERVAL = Duration.ofMillis(500);
    private static final Duration FLUSH_TICK = Duration.ofMillis(100);
    private static final byte[] CLEAR = new byte[0];
    /** Every state topic the box may publish (cleared with the configs when the link is turned off). */
    static final List<String> STATE_KEYS = List.of("mood/state", "presence/state", "mood_override/state",
            "now_playing/state", "volume/state", "strategy/state", "camera/state", "group/status");

    private final SettingsStore settings;
    private final SecretFile password;
    private final BoxPorts box;
    private final DeviceInfo device;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final StatePayloads payloads;
    private final Outbox outbox = new Outbox(STATE_INTERVAL);
    private final CollapsedWarnings warnings;
    private final Commands commands;
    private final GroupSettings group;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mqtt");
        t.setDaemon(true);
        return t;
    });

    // The mqtt thread writes these; status() reads them from request threads.
    private volatile MqttSettings wanted = MqttSettings.defaults();
    private volatile BrokerLink link;
    private volatile Topics topics;
    private volatile Instant offSince;
    private volatile String problem;
    /** The volume cap the last announcement's volume number ended at (mqtt thread only). */
    private double announcedCap = -1;

    private MqttRoom(SettingsStore settings, SecretFile password, BoxPorts box, DeviceInfo device, Path groupMemory,
                     Clock clock) {
        this.settings = settings;
        this.password = password;
        this.box = box;
        this.device = device;
        this.clock = clock;
        this.payloads = new StatePayloads(json, device.artworkBase());
        this.warnings = new CollapsedWarnings(LoggerFactory.getLogger(Commands.class), clock);
        this.commands = new Commands(box, settings, warnings, json, () -> run(this::actOnCommands));
        this.group = new GroupSettings(settings, groupMemory, clock);
        this.offSince = clock.instant();
    }

    /**
     * Follows the owner's link settings from now on (a link that is on connects at once, in the background), and
     * the rooms' state.
     *
     * @param password    the broker password's secret file (0600), read at every (re)connect
     * @param groupMemory where the digest of the last applied group document is kept
     */
    public static MqttRoom start(SettingsStore settings, SecretFile password, BoxPorts box, DeviceInfo device,
                                 Path groupMemory, Clock clock) {
        MqttRoom room = new MqttRoom(settings, password, box, device, groupMemory, clock);
        room.thread.scheduleWithFixedDelay(room::flush, FLUSH_TICK.toMillis(), FLUSH_TICK.toMillis(),
                TimeUnit.MILLISECONDS);
        box.mood().subscribe(room::moodChanged);
        box.player().subscribe(room::playbackChanged);
        room.moodChanged(box.mood().current());
        room.playbackChanged(box.player().state());
        settings.follow(s -> s, room::settingsChanged);
        return room;
    }

    /** What the owner's page shows: the link's state, the last ignored command, the group document's fate. */
    public LinkStatus status() {
        BrokerLink now = link;
        MqttSettings s = wanted;
        String broker = s.enabled() ? (s.tls() ? "mqtts://" : "mqtt://") + s.host() + ":" + s.port() : null;
        if (now == null) {
            LinkState state = !s.enabled() ? LinkState.OFF : problem != null ? LinkState.TLS_FAILED : LinkState.CONNECTING;
            return new LinkStatus(state, broker, s.enabled() ? problem : null, offSince, null, null, warnings.last(),
                    group.status());
        }
        BrokerLink.Standing standing = now.standing();
        return new LinkStatus(standing.state(), broker, standing.detail(), standing.since(), now.lastMessageAt(),
                standing.nextTryAt(), warnings.last(), group.status());
    }

    /** The base topic in use: the owner's, or {@code moodbox/<host name>}. */
    public String baseTopic() {
        String base = wanted.baseTopic();
        return base.isEmpty() ? device.defaultBaseTopic() : base;
    }

    /** The password changed on the admin page: connect again with it. */
    public void reconnect() {
        run(() -> reconfigure(wanted, true));
    }

    // --- the rooms' threads: only offers to the outbox ---

    private void moodChanged(Mood mood) {
        if (mood == null) {
            return;
        }
        outbox.offer("mood/state", wanted.shareMood() ? payloads.mood(mood) : CLEAR);
        outbox.offer("presence/state", StatePayloads.presence(mood));
        outbox.offer("mood_override/state", StatePayloads.override(mood));
    }

    private void playbackChanged(PlaybackState state) {
        if (state == null) {
            return;
        }
        outbox.offer("now_playing/state", payloads.nowPlaying(state));
        outbox.offer("volume/state", StatePayloads.volume(state));
    }

    /** The store's thread, after every save; the link's own part is handed to the mqtt thread. */
    private void settingsChanged(Settings s) {
        outbox.offer("strategy/state", StatePayloads.text(StrategyChoice.of(s.strategies(), Settings.defaultStrategies())));
        outbox.offer("camera/state", StatePayloads.onOff(s.cameraOn()));
        double cap = box.player().volumeCap();
        run(() -> {
            MqttSettings before = wanted;
            if (!s.mqtt().equals(before)) {
                reconfigure(s.mqtt(), false);
            } else if (Math.abs(cap - announcedCap) > 1e-9) {
                announce(); // the volume number's maximum follows the owner's cap
            }
        });
    }

    // --- the mqtt thread ---

    private void reconfigure(MqttSettings next, boolean sameSettings) {
        MqttSettings before = wanted;
        wanted = next;
        boolean shareChanged = before.shareMood() != next.shareMood();
        if (shareChanged) {
            moodChanged(box.mood().current());
        }
        BrokerLink old = link;
        if (!sameSettings && old != null && onlyLocalPartsChanged(before, next)) {
            // The same broker and topics: no new connection, only what the change asks for.
            if (!before.group().equals(next.group()) || before.followGroup() != next.followGroup()) {
                if (before.followGroup()) {
                    old.unsubscribe(Topics.groupSettings(before.group()));
                }
                subscribeGroup(old, next);
            }
            if (shareChanged) {
                announce();
            }
            return;
        }
        if (old != null) {
            boolean leaving = !next.enabled() || !topicsOf(next).equals(topics);
            farewell(old, leaving);
        }
        link = null;
        problem = null;
        if (!next.enabled()) {
            offSince = clock.instant();
            LOG.info("MQTT: the link is off");
            return;
        }
        topics = topicsOf(next);
        BrokerAddress address = new BrokerAddress(next.host(), next.port(), next.tls(),
                next.caFile().isEmpty() ? Optional.empty() : Optional.of(Path.of(next.caFile())), next.user(),
                next.user().isEmpty() ? Optional.empty() : password.value());
        try {
            BrokerLink opened = new BrokerLink(address, clientId(), topics.availability(), new BrokerLink.Events() {
                @Override
                public void connected() {
                    run(MqttRoom.this::linkUp);
                }

                @Override
                public void message(String topic, byte[] payload) {
                    received(topic, payload);
                }
            }, clock);
            link = opened;
            problem = null;
            opened.start();
        } catch (IllegalArgumentException e) {
            problem = e.getMessage(); // the CA file: the owner fixes it, the next save tries again
            offSince = clock.instant();
            LOG.warn("MQTT: {}", problem);
        }
    }

    /** Mood sharing and the group change nothing about the connection itself. */
    private static boolean onlyLocalPartsChanged(MqttSettings a, MqttSettings b) {
        return a.enabled() && b.enabled() && a.host().equals(b.host()) && a.port() == b.port() && a.tls() == b.tls()
                && a.caFile().equals(b.caFile()) && a.user().equals(b.user()) && a.baseTopic().equals(b.baseTopic())
                && a.discoveryPrefix().equals(b.discoveryPrefix());
    }

    private Topics topicsOf(MqttSettings s) {
        String base = s.baseTopic().isEmpty() ? device.defaultBaseTopic() : s.baseTopic();
        return new Topics(base, s.discoveryPrefix());
    }

    /** Connected (again): listen, announce, and send every latest value once. */
    private void linkUp() {
        BrokerLink now = link;
        if (now == null || !now.connected()) {
            return;
        }
        now.subscribe(topics.commands(), (ack, failure) -> logFailedSubscription(topics.commands(), failure));
        now.subscribe(topics.homeAssistantStatus(), (ack, failure) -> logFailedSubscription("HA status", failure));
        subscribeGroup(now, wanted);
        announce();
        outbox.resendAll();
        flush();
    }

    private void subscribeGroup(BrokerLink now, MqttSettings s) {
        if (s.followGroup()) {
            String filter = Topics.groupSettings(s.group());
            now.subscribe(filter, (ack, failure) -> logFailedSubscription(filter, failure));
        }
    }

    private static void logFailedSubscription(String filter, Throwable failure) {
        if (failure != null) {
            LOG.warn("MQTT: subscribing to {} failed: {}", filter, failure.toString());
        }
    }

    /** Availability and every discovery config (Home Assistant re-reads them; the broker keeps them). */
    private void announce() {
        BrokerLink now = link;
        if (now == null || !now.connected()) {
            return;
        }
        double cap = box.player().volumeCap();
        Discovery discovery = new Discovery(topics, device, json);
        now.publish(topics.availability(), StatePayloads.text("online"), true);
        discovery.configs(wanted.shareMood(), cap).forEach((topic, config) -> now.publish(topic, config, true));
        if (!wanted.shareMood()) {
            discovery.moodTopics().forEach(topic -> now.publish(topic, CLEAR, true));
        }
        announcedCap = cap;
    }

    /**
     * Leaves the broker: with {@code clearAll} (the link turned off, or moved to other topics) the retained
     * configs and state are cleared, so Home Assistant forgets the box and no old mood stays on the broker;
     * otherwise only "offline". Waits a moment for those messages, never long.
     */
    private void farewell(BrokerLink old, boolean clearAll) {
        List<CompletableFuture<?>> sent = new ArrayList<>();
        if (old.connected()) {
            if (clearAll) {
                new Discovery(topics, device, json).allTopics().forEach(topic -> sent.add(old.send(topic, CLEAR, true)));
                STATE_KEYS.forEach(key -> sent.add(old.send(topics.base() + "/" + key, CLEAR, true)));
                sent.add(old.send(topics.availability(), CLEAR, true));
            } else {
                sent.add(old.send(topics.availability(), StatePayloads.text("offline"), true));
            }
        } else if (clearAll) {
            LOG.warn("MQTT: the link was down, so the box's retained configs on the old broker stay until it links again");
        }
        try {
            // The broker acknowledges each before the goodbye: a disconnect would otherwise cut the last ones off.
            sent.removeIf(java.util.Objects::isNull);
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(3, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("MQTT: the broker did not confirm the box's last messages: {}", e.toString());
        }
        try {
            old.close().get(3, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.debug("MQTT: closing the old link: {}", e.toString());
        }
        outbox.resendAll();
    }

    /** A client thread: commands are checked there; the rest goes to the mqtt thread. */
    private void received(String topic, byte[] payload) {
        Topics now = topics;
        if (now == null) {
            return;
        }
        String entity = now.commandEntity(topic);
        if (entity != null) {
            commands.receive(entity, payload);
        } else if (topic.equals(now.homeAssistantStatus())) {
            if ("online".equals(new String(payload, java.nio.charset.StandardCharsets.UTF_8).strip())) {
                run(this::announce);
            }
        } else {
            MqttSettings s = wanted;
            if (s.followGroup() && topic.equals(Topics.groupSettings(s.group()))) {
                run(() -> groupDocument(s.group(), payload));
            }
        }
    }

    private void groupDocument(String name, byte[] payload) {
        GroupStatus result = group.apply(name, payload);
        ObjectNode node = json.createObjectNode();
        node.put("group", result.group());
        node.put("state", result.state());
        node.put("at", result.at().toString());
        result.changed().forEach(node.putArray("changed")::add);
        ObjectNode errors = node.putObject("errors");
        result.errors().forEach(errors::put);
        try {
            outbox.offer("group/status", json.writeValueAsBytes(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void actOnCommands() {
        commands.actOnPending();
    }

    private void flush() {
        BrokerLink now = link;
        Topics where = topics;
        if (now == null || where == null || !now.connected()) {
            return;
        }
        outbox.flush(System.nanoTime(), (key, payload) -> now.publish(where.base() + "/" + key, payload, true));
    }

    private String clientId() {
        return device.nodeId();
    }

    private void run(Runnable task) {
        try {
            thread.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.warn("MQTT: {}", e.toString(), e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("MQTT closed; a task was dropped");
        }
    }

    /** Says "offline" (the broker keeps the box's configs for its next start) and disconnects. */
    @Override
    public void close() {
        run(() -> {
            BrokerLink now = link;
            link = null;
            if (now != null) {
                farewell(now, false);
            }
        });
        thread.shutdown();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread.shutdownNow();
    }
}
