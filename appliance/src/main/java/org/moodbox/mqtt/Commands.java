package org.moodbox.mqtt;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.moodbox.model.Emotion;
import org.moodbox.playback.PlaybackState;
import org.moodbox.settings.InvalidSettingsException;
import org.moodbox.settings.Settings;
import org.moodbox.settings.SettingsStore;

/**
 * Commands from the broker ({@code <base>/<entity>/set}), acted on through the kiosk's, the button's and the
 * admin page's own ports, with their rules: skip and like are the button's (the playing track judged, then the
 * next queued or recommended track), pause and resume and the volume (clipped to the owner's cap) the kiosk's,
 * the mood override the kiosk's "not my mood", strategy and camera a save of the owner's settings, checked as
 * the admin page's are.
 *
 * <p>A bad payload (over 1 KB, not UTF-8, not a value the entity takes) is ignored with one collapsed warning.
 * Nothing here can pile up: {@link #receive} runs on the client's thread and only checks and records; a switch,
 * select or number keeps only its latest value until the room's thread acts on it, and button presses beyond a
 * few a second are dropped (counted in the warning). A flood of 1,000 commands is a few actions.
 */
final class Commands {
    static final int MAX_PAYLOAD_BYTES = 1024;
    static final Set<String> BUTTONS = Set.of("play_pause", "skip", "like");
    static final Set<String> SETTINGS = Set.of("volume", "strategy", "mood_override", "camera");
    /** Presses a button may have in hand at once, and how many come back per second: a person, or an automation. */
    static final int BURST = 5;
    static final double PRESSES_PER_SECOND = 2;
    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,6}(\\.\\d{1,6})?");

    private final BoxPorts box;
    private final SettingsStore settings;
    private final CollapsedWarnings warnings;
    private final ObjectMapper json;
    private final Runnable wake;
    private final Map<String, String> latest = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> presses = new ConcurrentLinkedQueue<>();
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    /** @param wake asks the room's thread to call {@link #actOnPending()} soon */
    Commands(BoxPorts box, SettingsStore settings, CollapsedWarnings warnings, ObjectMapper json, Runnable wake) {
        this.box = box;
        this.settings = settings;
        this.warnings = warnings;
        this.json = json;
        this.wake = wake;
    }

    /** The client's thread: checks the payload, keeps a good command for the room's thread, never waits. */
    void receive(String entity, byte[] payload) {
        if (payload.length > MAX_PAYLOAD_BYTES) {
            warnings.ignored(entity + ": a payload of " + payload.length + " bytes (commands are at most "
                    + MAX_PAYLOAD_BYTES + ")");
            return;
        }
        String value;
        try {
            value = strictUtf8(payload).strip();
        } catch (CharacterCodingException e) {
            warnings.ignored(entity + ": the payload is not UTF-8 text");
            return;
        }
        String problem = check(entity, value);
        if (problem != null) {
            warnings.ignored(entity + " '" + printable(value) + "': " + problem);
            return;
        }
        if (BUTTONS.contains(entity)) {
            if (!buckets.computeIfAbsent(entity, e -> new Bucket()).take(System.nanoTime())) {
                warnings.ignored(entity + ": pressed faster than " + BURST + " at once and "
                        + (int) PRESSES_PER_SECOND + " a second");
                return;
            }
            presses.add(entity);
        } else {
            latest.put(entity, value);
        }
        if (scheduled.compareAndSet(false, true)) {
            wake.run();
        }
    }

    /** The room's thread: acts on what arrived, presses in order, then each setting's latest value. */
    void actOnPending() {
        scheduled.set(false);
        for (String press; (press = presses.poll()) != null; ) {
            press(press);
        }
        for (String entity : SETTINGS) {
            String value = latest.remove(entity);
            if (value != null) {
                set(entity, value);
            }
        }
    }

    /** The payload as text, refused (not repaired with replacement characters) when it is not UTF-8. */
    static String strictUtf8(byte[] payload) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(payload)).toString();
    }

    /** Why the value is not one the entity takes, or null when it is. */
    static String check(String entity, String value) {
        if (BUTTONS.contains(entity)) {
            return value.equalsIgnoreCase(Discovery.PRESS) ? null : "a button takes PRESS";
        }
        switch (entity) {
            case "volume":
                if (!NUMBER.matcher(value).matches()) {
                    return "the volume is a number of percent, 0 to 100";
                }
                double percent = Double.parseDouble(value);
                return percent >= 0 && percent <= 100 ? null : "the volume is 0 to 100 percent";
            case "camera":
                return value.equalsIgnoreCase(Discovery.ON) || value.equalsIgnoreCase(Discovery.OFF) ? null
                        : "the camera takes ON or OFF";
            case "mood_override":
                if (value.equalsIgnoreCase(Discovery.AUTO)) {
                    return null;
                }
                try {
                    Emotion.parse(value);
                    return null;
                } catch (IllegalArgumentException e) {
                    return "auto or " + e.getMessage();
                }
            case "strategy":
                try {
                    StrategyChoice.plan(value, Settings.defaultStrategies());
                    return null;
                } catch (IllegalArgumentException e) {
                    return e.getMessage();
                }
            default:
                return "no such command; the box takes " + String.join(", ", new java.util.TreeSet<>(
                        java.util.stream.Stream.concat(BUTTONS.stream(), SETTINGS.stream()).toList()));
        }
    }

    private void press(String button) {
        switch (button) {
            case "skip" -> box.controls().onNext();
            case "like" -> box.controls().onLike();
            default -> {
                PlaybackState state = box.player().state();
                switch (state.status()) {
                    case PLAYING -> box.player().pause();
                    case PAUSED -> box.player().resume();
                    default -> box.controls().onNext(); // nothing loaded: start what the button would
                }
            }
        }
    }

    private void set(String entity, String value) {
        try {
            switch (entity) {
                case "volume" -> box.player().setVolume(Double.parseDouble(value) / 100);
                case "mood_override" -> {
                    if (value.equalsIgnoreCase(Discovery.AUTO)) {
                        box.mood().clearOverride();
                    } else {
                        box.mood().override(Emotion.parse(value));
                    }
                }
                case "camera" -> save(json.createObjectNode().put("cameraOn", value.equalsIgnoreCase(Discovery.ON)));
                default -> {
                    ObjectNode changes = json.createObjectNode();
                    ObjectNode plan = changes.putObject("strategies");
                    StrategyChoice.plan(value, Settings.defaultStrategies()).forEach(plan::put);
                    save(changes);
                }
            }
        } catch (RuntimeException e) {
            warnings.ignored(entity + " '" + printable(value) + "' failed: " + e.getMessage());
        }
    }

    /** The admin page's save: the store checks every field and writes atomically, or changes nothing. */
    private void save(ObjectNode changes) {
        try {
            settings.update(changes);
        } catch (InvalidSettingsException e) {
            warnings.ignored("refused by the settings' checks: " + e.getMessage());
        }
    }

    private static String printable(String value) {
        String shown = value.replaceAll("\\p{Cntrl}", "?");
        return shown.length() > 40 ? shown.substring(0, 40) + "…" : shown;
    }

    /** A token bucket: {@link #BURST} presses at once, then {@link #PRESSES_PER_SECOND}. */
    private static final class Bucket {
        private double tokens = BURST;
        private long lastNanos = System.nanoTime();

        synchronized boolean take(long nowNanos) {
            tokens = Math.min(BURST, tokens + (nowNanos - lastNanos) / 1e9 * PRESSES_PER_SECOND);
            lastNanos = nowNanos;
            if (tokens < 1) {
                return false;
            }
            tokens--;
            return true;
        }
    }
}
