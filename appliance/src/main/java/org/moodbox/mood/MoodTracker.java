package org.moodbox.mood;

import org.moodbox.model.Mood;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
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
 * most central), smooths its probabilities, changes the label only when a new emotion clearly
 * leads (hysteresis, so the screen does not flicker), says "not sure" below a confidence
 * threshold, notices when nobody is there, and honours the listener's own choice for a while.
 */
public final class MoodTracker implements MoodFeed, Consumer<FrameAnalysis> {
    private final MoodTrackerSettings settings;
    private final Clock clock;
    private final List<Consumer<Mood>> listeners = new CopyOnWriteArrayList<>();
    private final double[] smoothed = new double[Emotion.values().length];
    private Emotion label = Emotion.NEUTRAL;
    private Emotion challenger;
    private int challengerFrames;
    private Instant lastFaceAt = Instant.EPOCH;
    private boolean hasHistory;
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
        FaceReading primary = primaryFace(frame);
        if (primary != null) {
            lastFaceAt = now;
            smooth(primary.emotion().probabilities());
            updateLabel();
        } else if (Duration.between(lastFaceAt, now).compareTo(settings.absence()) > 0) {
            hasHistory = false; // a new person starts from scratch
        }
        publish(decide(now));
    }

    private Mood decide(Instant now) {
        if (override != null && now.isBefore(overrideUntil)) {
            return override;
        }
        override = null;
        if (!hasHistory) {
            return Mood.nobody(now);
        }
        Map<Emotion, Double> probabilities = new EnumMap<>(Emotion.class);
        double valence = 0;
        double arousal = 0;
        for (Emotion e : Emotion.values()) {
            double p = smoothed[e.ordinal()];
            probabilities.put(e, p);
            valence += p * e.valence();
            arousal += p * e.arousal();
        }
        double confidence = smoothed[label.ordinal()];
        return new Mood(label, probabilities, valence, arousal, confidence, true,
                confidence >= settings.sureThreshold(), "camera", now);
    }

    private void smooth(float[] probabilities) {
        double a = hasHistory ? settings.smoothing() : 1.0;
        for (int i = 0; i < smoothed.length; i++) {
            smoothed[i] = (1 - a) * smoothed[i] + a * probabilities[i];
        }
        if (!hasHistory) {
            label = leader();
            challenger = null;
        }
        hasHistory = true;
    }

    /** A new label must lead the current one by a margin for several frames in a row. */
    private void updateLabel() {
        Emotion leader = leader();
        if (leader == label || smoothed[leader.ordinal()] - smoothed[label.ordinal()] < settings.switchMargin()) {
            challenger = null;
            challengerFrames = 0;
            return;
        }
        challengerFrames = leader == challenger ? challengerFrames + 1 : 1;
        challenger = leader;
        if (challengerFrames >= settings.switchFrames()) {
            label = leader;
            challenger = null;
            challengerFrames = 0;
        }
    }

    private Emotion leader() {
        int best = 0;
        for (int i = 1; i < smoothed.length; i++) {
            if (smoothed[i] > smoothed[best]) {
                best = i;
            }
        }
        return Emotion.values()[best];
    }

    /** Largest and most central: the person standing at the kiosk, not someone passing behind. */
    static FaceReading primaryFace(FrameAnalysis frame) {
        FaceReading best = null;
        double bestScore = 0;
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
        }
        return best;
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
