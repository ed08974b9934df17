package org.moodbox.mood;

import org.moodbox.model.Mood;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.moodbox.vision.BoundingBox;
import org.moodbox.model.Emotion;
import org.moodbox.vision.FaceReading;
import org.moodbox.vision.FrameAnalysis;

/**
 * Turns per-frame expressions into a mood a person can trust: follows the primary face (largest,
 * most central, and the same person from frame to frame while the vision room's track says so), smooths that
 * person's probabilities ({@link PersonMood}), changes the label only when a new emotion clearly leads
 * (hysteresis, so the screen does not flicker), says "not sure" below a confidence threshold, notices when
 * nobody is there, and honours the listener's own choice for a while.
 */
public final class MoodTracker implements MoodFeed, Consumer<FrameAnalysis> {
    /**
     * Another face takes over as the primary one only when it scores this much more than the current one's person:
     * two people side by side, of about one size, must not swap the mood back and forth as they sway.
     */
    static final double TAKE_OVER = 1.5;

    private final MoodTrackerSettings settings;
    private final Clock clock;
    private final List<Consumer<Mood>> listeners = new CopyOnWriteArrayList<>();
    /** Each person seen lately by track id (0: faces the vision room did not follow, all one person as before). */
    private final Map<Integer, PersonMood> people = new HashMap<>();
    private final Map<Integer, Instant> lastSeen = new HashMap<>();
    private Integer primary;
    private Instant lastFaceAt = Instant.EPOCH;
    private Mood override;
    private Instant overrideUntil = Instant.EPOCH;
    private volatile Mood current;

    public MoodTracker(MoodTrackerSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.current = Mood.nobody(clock.instant());
    }

    @Override
    public Mood current() {
        return current;
    }

    @Override
    public void subscribe(Consumer<Mood> listener) {
        listeners.add(listener);
    }

    @Override
    public synchronized void override(Emotion emotion) {
        Instant now = clock.instant();
        override = Mood.chosen(emotion, now);
        overrideUntil = now.plus(settings.overrideTimeout());
        publish(override);
    }

    @Override
    public synchronized void clearOverride() {
        if (override != null) {
            overrideUntil = Instant.EPOCH;
            publish(decide(clock.instant()));
        }
    }

    /** One analysed frame from the vision room. */
    @Override
    public synchronized void accept(FrameAnalysis frame) {
        Instant now = clock.instant();
        FaceReading face = primaryFace(frame, primary);
        if (face != null) {
            lastFaceAt = now;
            primary = face.trackId();
            lastSeen.put(primary, now);
            people.computeIfAbsent(primary, id -> new PersonMood(settings)).observe(face.emotion().probabilities());
        } else if (Duration.between(lastFaceAt, now).compareTo(settings.absence()) > 0) {
            primary = null; // a new person starts from scratch
        }
        // People not seen for the absence time are gone; whoever comes next starts afresh.
        lastSeen.entrySet().removeIf(e -> Duration.between(e.getValue(), now).compareTo(settings.absence()) > 0);
        people.keySet().retainAll(lastSeen.keySet());
        publish(decide(now));
    }

    private Mood decide(Instant now) {
        if (override != null && now.isBefore(overrideUntil)) {
            return override;
        }
        override = null;
        PersonMood person = primary == null ? null : people.get(primary);
        if (person == null) {
            return Mood.nobody(now);
        }
        Map<Emotion, Double> probabilities = new EnumMap<>(Emotion.class);
        double valence = 0;
        double arousal = 0;
        for (Emotion e : Emotion.values()) {
            double p = person.probability(e);
            probabilities.put(e, p);
            valence += p * e.valence();
            arousal += p * e.arousal();
        }
        double confidence = person.probability(person.label());
        return new Mood(person.label(), probabilities, valence, arousal, confidence, true,
                confidence >= settings.sureThreshold(), "camera", now);
    }

    /**
     * Largest and most central: the person standing at the kiosk, not someone passing behind. The face of track
     * {@code current} keeps the place unless another scores {@link #TAKE_OVER} times as much (faces without a
     * track, id 0, never hold it).
     */
    static FaceReading primaryFace(FrameAnalysis frame, Integer current) {
        FaceReading best = null;
        double bestScore = 0;
        FaceReading incumbent = null;
        double incumbentScore = 0;
        double cx = frame.width() / 2.0;
        double cy = frame.height() / 2.0;
        double halfDiagonal = Math.max(1, Math.hypot(cx, cy));
        for (FaceReading reading : frame.faces()) {
            BoundingBox b = reading.face().box();
            double offCentre = Math.hypot(b.centerX() - cx, b.centerY() - cy) / halfDiagonal;
            double score = b.area() * (1 - 0.5 * offCentre);
            if (score > bestScore) {
                bestScore = score;
                best = reading;
            }
            if (current != null && current != 0 && reading.trackId() == current) {
                incumbent = reading;
                incumbentScore = score;
            }
        }
        return incumbent != null && bestScore < TAKE_OVER * incumbentScore ? incumbent : best;
    }
    private void publish(Mood mood) {
        Mood before = current;
        current = mood;
        if (changedEnough(before, mood)) {
            listeners.forEach(l -> l.accept(mood));
        }
    }

    /** Listeners hear of real changes, not of every frame's small wobble. */
    private static boolean changedEnough(Mood a, Mood b) {
        return a.emotion() != b.emotion() || a.present() != b.present() || a.sure() != b.sure()
                || !a.source().equals(b.source()) || Math.abs(a.confidence() - b.confidence()) > 0.05
                || Math.abs(a.valence() - b.valence()) > 0.03 || Math.abs(a.arousal() - b.arousal()) > 0.03;
    }
}
