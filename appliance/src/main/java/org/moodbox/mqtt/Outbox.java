package org.moodbox.mqtt;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Outgoing state: the latest value per topic and nothing else. The rooms' threads only {@link #offer} (a map
 * put, never a wait); the link's thread {@link #flush}es what changed, each topic at most once per
 * {@code interval}, all retained. While the broker is away nothing is sent and nothing piles up: the map holds
 * one value per topic, and a reconnect sends each latest value once ({@link #resendAll}).
 */
final class Outbox {
    /** Sends one retained message; false when it could not (the link is down): it is tried at the next flush. */
    interface Sender {
        boolean send(String topic, byte[] payload);
    }

    private final long intervalNanos;
    private final Map<String, byte[]> latest = new ConcurrentHashMap<>();
    // The link's thread only.
    private final Map<String, byte[]> sent = new HashMap<>();
    private final Map<String, Long> sentAtNanos = new HashMap<>();

    Outbox(java.time.Duration interval) {
        this.intervalNanos = interval.toNanos();
    }

    /** Any thread; an empty payload clears the topic's retained message at the broker. */
    void offer(String topic, byte[] payload) {
        latest.put(topic, payload);
    }

    /** Sends each topic whose latest value the broker has not got, unless that topic was sent within the interval. */
    void flush(long nowNanos, Sender sender) {
        for (Map.Entry<String, byte[]> entry : latest.entrySet()) {
            String topic = entry.getKey();
            byte[] value = entry.getValue();
            if (Arrays.equals(sent.get(topic), value)) {
                continue;
            }
            Long last = sentAtNanos.get(topic);
            if (last != null && nowNanos - last < intervalNanos) {
                continue;
            }
            if (!sender.send(topic, value)) {
                return; // the link is down: everything waits for the next flush
            }
            sent.put(topic, value);
            sentAtNanos.put(topic, nowNanos);
        }
    }

    /** After a reconnect: the broker may have lost anything (a restart without persistence), so all goes again. */
    void resendAll() {
        sent.clear();
        sentAtNanos.clear();
    }

    /** How many topics wait or are known: bounded by the box's entities, whatever the broker does. */
    int size() {
        return latest.size();
    }

    /** The topics the box has a value for. */
    java.util.Set<String> topics() {
        return latest.keySet();
    }
}
