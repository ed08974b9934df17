package org.moodbox.mqtt;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.auth.Mqtt5SimpleAuth;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection to the broker (HiveMQ's MQTT 5 client), with the box's last will ({@code offline} on the
 * availability topic, retained) and its own reconnect policy: 1 s after a failure, doubling to at most a minute;
 * refused credentials wait the full minute each time, so a wrong password is a clear status and never a tight
 * loop. It never queues: {@link #publish} answers false unless connected, and the caller keeps what it could not
 * send (an outbox of one value per topic), so nothing grows while the broker is away.
 *
 * <p>Messages larger than {@link #MAX_PACKET_BYTES} are not delivered to the box at all: MQTT 5 lets a client
 * say the largest packet it takes, and the broker drops larger ones for it, so a hostile megabyte never reaches
 * this process.
 */
final class BrokerLink {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerLink.class);
    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final Duration MAX_RETRY = Duration.ofSeconds(60);
    /** A group document with 200 artists on each list fits; a command is far smaller (and refused above 1 KB). */
    static final int MAX_PACKET_BYTES = 128 * 1024;

    /** Where it stands: the state, the broker's or network's words, since when, and when the next try is. */
    record Standing(LinkState state, String detail, Instant since, Instant nextTryAt) {
    }

    interface Events {
        /** Connected (again): subscribe, announce, republish. Called on a client thread: hand the work off. */
        void connected();

        /** A message on a subscribed topic. Called on a client thread: check cheaply, hand the work off. */
        void message(String topic, byte[] payload);
    }

    private final BrokerAddress address;
    private final Events events;
    private final Clock clock;
    private final Mqtt5AsyncClient client;
    private volatile boolean connected;
    private volatile boolean closing;
    private volatile Standing standing;
    private volatile Instant lastMessageAt;
    private long retryMillis = FIRST_RETRY.toMillis();

    /**
     * @param clientId unique per box (brokers drop the older of two connections with one id)
     * @throws IllegalArgumentException when the CA file cannot be used
     */
    BrokerLink(BrokerAddress address, String clientId, String availabilityTopic, Events events, Clock clock) {
        this.address = address;
        this.events = events;
        this.clock = clock;
        this.standing = new Standing(LinkState.CONNECTING, null, clock.instant(), null);
        Mqtt5ClientBuilder builder = MqttClient.builder().useMqttVersion5().identifier(clientId)
                .serverHost(address.host()).serverPort(address.port())
                .addConnectedListener(context -> onConnected())
                .addDisconnectedListener(this::onDisconnected);
        if (address.tls()) {
            builder = address.caFile().isPresent()
                    ? builder.sslConfig().trustManagerFactory(BrokerTls.trusting(address.caFile().get()))
                            .handshakeTimeout(10, TimeUnit.SECONDS).applySslConfig()
                    : builder.sslWithDefaultConfig();
        }
        if (!address.user().isEmpty()) {
            var auth = Mqtt5SimpleAuth.builder().username(address.user());
            builder = builder.simpleAuth(address.password().isEmpty() ? auth.build()
                    : auth.password(address.password().get().getBytes(StandardCharsets.UTF_8)).build());
        }
        this.client = builder.willPublish().topic(availabilityTopic).payload(StatePayloads.text("offline"))
                .qos(MqttQos.AT_LEAST_ONCE).retain(true).applyWillPublish().buildAsync();
        client.publishes(MqttGlobalPublishFilter.SUBSCRIBED, publish -> {
            lastMessageAt = clock.instant();
            events.message(publish.getTopic().toString(), publish.getPayloadAsBytes());
        });
    }

    /** Starts connecting; returns at once. A broker that is down is tried again by the policy above. */
    void start() {
        LOG.info("MQTT: connecting to {}", address);
        client.connectWith().cleanStart(true).keepAlive(30)
                .restrictions().maximumPacketSize(MAX_PACKET_BYTES).applyRestrictions()
                .send().whenComplete((ack, failure) -> { }); // the listeners below say how it went
    }

    boolean connected() {
        return connected;
    }

    Standing standing() {
        return standing;
    }

    Instant lastMessageAt() {
        return lastMessageAt;
    }

    /** Sends at least once, retained or not; false (nothing queued) when the link is down. */
    boolean publish(String topic, byte[] payload, boolean retain) {
        return send(topic, payload, retain) != null;
    }

    /** As {@link #publish}; the answer completes when the broker has the message (or it failed); null when down. */
    CompletableFuture<?> send(String topic, byte[] payload, boolean retain) {
        if (!connected) {
            return null;
        }
        return client.publishWith().topic(topic).payload(payload).qos(MqttQos.AT_LEAST_ONCE).retain(retain).send()
                .whenComplete((sent, failure) -> {
                    if (failure == null) {
                        lastMessageAt = clock.instant();
                    } else {
                        LOG.debug("MQTT: publishing to {} failed: {}", topic, failure.toString());
                    }
                });
    }

    void subscribe(String filter, BiConsumer<Object, Throwable> done) {
        client.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).send()
                .whenComplete((ack, failure) -> done.accept(ack, failure));
    }

    void unsubscribe(String filter) {
        if (connected) {
            client.unsubscribeWith().topicFilter(filter).send();
        }
    }

    /** Disconnects on purpose (the broker discards the last will: the caller publishes "offline" first). */
    CompletableFuture<Void> close() {
        closing = true;
        standing = new Standing(LinkState.OFF, null, clock.instant(), null);
        if (!connected) {
            return client.disconnect().handle((v, e) -> null); // also ends a reconnect that is waiting
        }
        connected = false;
        return client.disconnect().handle((v, e) -> null);
    }

    private void onConnected() {
        if (closing) {
            client.disconnect(); // a reconnect that was already under way when the link was closed
            return;
        }
        connected = true;
        retryMillis = FIRST_RETRY.toMillis();
        standing = new Standing(LinkState.CONNECTED, null, clock.instant(), null);
        lastMessageAt = clock.instant();
        LOG.info("MQTT: connected to {}", address);
        events.connected();
    }

    private void onDisconnected(MqttClientDisconnectedContext context) {
        connected = false;
        if (closing || context.getSource() == MqttDisconnectSource.USER) {
            return;
        }
        Standing failed = classify(context.getCause());
        long delay = failed.state() == LinkState.REFUSED_CREDENTIALS ? MAX_RETRY.toMillis() : retryMillis;
        retryMillis = Math.min(MAX_RETRY.toMillis(), retryMillis * 2);
        Instant next = clock.instant().plusMillis(delay);
        String detail = failed.detail() + "; trying again in " + Math.max(1, delay / 1000) + " s";
        boolean news = standing.state() != failed.state();
        standing = new Standing(failed.state(), detail, news ? clock.instant() : standing.since(), next);
        if (news) {
            LOG.warn("MQTT: {} {}: {}", address, failed.state().label(), detail);
        } else {
            LOG.debug("MQTT: {} {}: {}", address, failed.state().label(), detail);
        }
        context.getReconnector().reconnect(true).resubscribeIfSessionExpired(false)
                .republishIfSessionExpired(false).delay(delay, TimeUnit.MILLISECONDS);
    }

    /** What the failure means to the owner. */
    private Standing classify(Throwable cause) {
        Instant now = clock.instant();
        if (cause instanceof Mqtt5ConnAckException refused) {
            Mqtt5ConnAckReasonCode code = refused.getMqttMessage().getReasonCode();
            if (code == Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD || code == Mqtt5ConnAckReasonCode.NOT_AUTHORIZED) {
                return new Standing(LinkState.REFUSED_CREDENTIALS, "the broker refused the user name or password ("
                        + code.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")", now, null);
            }
            return new Standing(LinkState.REFUSED, "the broker refused the connection: "
                    + code.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '), now, null);
        }
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof SSLException) {
                return new Standing(LinkState.TLS_FAILED, "TLS failed: " + t.getMessage()
                        + " (check the CA file, the broker's certificate, and that this port speaks TLS)", now, null);
            }
            if (t instanceof UnknownHostException) {
                return new Standing(LinkState.UNREACHABLE, "unknown host " + address.host(), now, null);
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return new Standing(LinkState.UNREACHABLE, "nothing answers at " + address.host() + ":"
                        + address.port() + " (" + t.getMessage() + ")", now, null);
            }
        }
        String words = cause == null ? "the connection closed" : cause.getMessage() == null ? cause.toString()
                : cause.getMessage();
        if (!address.tls() && words != null && words.contains("closed") && standing.state() != LinkState.CONNECTED) {
            words += " (a TLS port spoken to without TLS closes like this: turn TLS on?)";
        }
        return new Standing(LinkState.UNREACHABLE, words, now, null);
    }
}
