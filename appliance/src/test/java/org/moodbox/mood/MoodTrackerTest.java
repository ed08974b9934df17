package org.moodbox.mood;

import org.moodbox.model.Mood;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.moodbox.vision.BoundingBox;
import org.moodbox.vision.DetectedFace;
import org.moodbox.model.Emotion;
import org.moodbox.vision.EmotionReading;
import org.moodbox.vision.FaceReading;
import org.moodbox.vision.FrameAnalysis;
import org.moodbox.vision.StageTimings;

class MoodTrackerTest {
    private final MutableClock clock = new MutableClock();
    private final MoodTracker tracker = new MoodTracker(MoodTrackerSettings.defaults(), clock);

    @Test
    void nobodyUntilAFaceIsSeen() {
        tracker.accept(frame());
        assertThat(tracker.current().present()).isFalse();
        tracker.accept(frame(face(100, 100, 80, Emotion.HAPPY, 0.9f)));
        assertThat(tracker.current().present()).isTrue();
        assertThat(tracker.current().emotion()).isEqualTo(Emotion.HAPPY);
        assertThat(tracker.current().valence()).isGreaterThan(0.7);
    }

    @Test
    void oneOddFrameDoesNotFlipTheMood() {
        for (int i = 0; i < 5; i++) {
            tick(tracker, face(300, 200, 100, Emotion.HAPPY, 0.9f));
        }
        tick(tracker, face(300, 200, 100, Emotion.SAD, 0.95f));
        assertThat(tracker.current().emotion()).isEqualTo(Emotion.HAPPY);
        for (int i = 0; i < 8; i++) {
            tick(tracker, face(300, 200, 100, Emotion.SAD, 0.95f));
        }
        assertThat(tracker.current().emotion()).isEqualTo(Emotion.SAD);
    }

    @Test
    void lowConfidenceIsNotSure() {
        for (int i = 0; i < 5; i++) {
            tick(tracker, face(300, 200, 100, Emotion.FEAR, 0.3f));
        }
        assertThat(tracker.current().sure()).isFalse();
        assertThat(tracker.current().present()).isTrue();
    }

    @Test
    void followsTheLargestCentralFace() {
        tick(tracker, face(320, 240, 150, Emotion.SURPRISE, 0.9f), face(40, 40, 40, Emotion.ANGRY, 0.9f));
        assertThat(tracker.current().emotion()).isEqualTo(Emotion.SURPRISE);
    }

    @Test
    void nobodyAfterTheAbsenceTimeout() {
        tick(tracker, face(300, 200, 100, Emotion.HAPPY, 0.9f));
        clock.advance(Duration.ofSeconds(5));
        tracker.accept(frame());
        assertThat(tracker.current().present()).isTrue();
        clock.advance(Duration.ofSeconds(6));
        tracker.accept(frame());
        assertThat(tracker.current().present()).isFalse();
    }

    @Test
    void overrideHoldsUntilItTimesOutAndIsAnnounced() {
        List<Mood> heard = new ArrayList<>();
        tracker.subscribe(heard::add);
        tick(tracker, face(300, 200, 100, Emotion.HAPPY, 0.9f));
        tracker.override(Emotion.SAD);
        assertThat(heard.get(heard.size() - 1).source()).isEqualTo("override");
        tick(tracker, face(300, 200, 100, Emotion.HAPPY, 0.9f));
        assertThat(tracker.current().emotion()).isEqualTo(Emotion.SAD);
        clock.advance(Duration.ofMinutes(3));
        tick(tracker, face(300, 200, 100, Emotion.HAPPY, 0.9f));
        assertThat(tracker.current().emotion()).isEqualTo(Emotion.HAPPY);
        assertThat(tracker.current().source()).isEqualTo("camera");
    }

    /**
     * Two people side by side, of about one size, swaying: which one is larger, and which comes first in the list,
     * changes every frame. With the vision room's track ids the mood stays with the person it followed first and
     * never blends the other one's readings in.
     */
    @Test
    void smoothingFollowsOnePersonWhateverTheBoxOrder() {
        for (int i = 0; i < 20; i++) {
            boolean even = i % 2 == 0;
            FaceReading happy = face(280, 240, even ? 100 : 108, Emotion.HAPPY, 0.9f, 1);
            FaceReading sad = face(360, 240, even ? 108 : 100, Emotion.SAD, 0.9f, 2);
            tick(tracker, even ? sad : happy, even ? happy : sad);
            if (i == 0) {
                // The first frame picks the larger: the sad face. From here on, it must stay with that person.
                assertThat(tracker.current().emotion()).isEqualTo(Emotion.SAD);
            }
        }
        assertThat(tracker.current().emotion()).isEqualTo(Emotion.SAD);
        assertThat(tracker.current().probabilities().get(Emotion.HAPPY)).as("none of the other face blended in")
                .isLessThan(0.05);
    }

    /** Someone else steps up: their mood is their own at once (no hysteresis against the last person's). */
    @Test
    void aNewPersonStartsFromTheirOwnReadingsAndTheFirstComesBackToTheirs() {
        for (int i = 0; i < 10; i++) {
            tick(tracker, face(320, 240, 120, Emotion.HAPPY, 0.9f, 1));
        }
        tick(tracker, face(320, 240, 120, Emotion.SAD, 0.9f, 2));
        assertThat(tracker.current().emotion()).isEqualTo(Emotion.SAD);
        assertThat(tracker.current().probabilities().get(Emotion.HAPPY)).isLessThan(0.05);

        tick(tracker, face(320, 240, 120, Emotion.HAPPY, 0.9f, 1));
        assertThat(tracker.current().emotion()).as("the first person's own history").isEqualTo(Emotion.HAPPY);
        assertThat(tracker.current().probabilities().get(Emotion.HAPPY)).isGreaterThan(0.85);
    }

    /** The person followed gives way to a face that is clearly the one at the kiosk now (much larger, central). */
    @Test
    void aMuchLargerFaceTakesOver() {
        tick(tracker, face(320, 240, 100, Emotion.HAPPY, 0.9f, 1));
        tick(tracker, face(100, 100, 100, Emotion.HAPPY, 0.9f, 1), face(320, 240, 200, Emotion.SURPRISE, 0.9f, 2));
        assertThat(tracker.current().emotion()).isEqualTo(Emotion.SURPRISE);
    }

    private void tick(MoodTracker t, FaceReading... faces) {
        clock.advance(Duration.ofMillis(200));
        t.accept(frame(faces));
    }

    private static FrameAnalysis frame(FaceReading... faces) {
        return new FrameAnalysis(640, 480, List.of(faces), new StageTimings(0, 0, 0, 0), null);
    }

    /** A face centred at (cx, cy) whose expression puts p on one emotion and spreads the rest. */
    private static FaceReading face(float cx, float cy, float side, Emotion emotion, float p) {
        return face(cx, cy, side, emotion, p, 0);
    }

    /** The same, followed by the vision room as track {@code trackId} (0: not followed). */
    private static FaceReading face(float cx, float cy, float side, Emotion emotion, float p, int trackId) {
        float[] probabilities = new float[7];
        java.util.Arrays.fill(probabilities, (1 - p) / 6);
        probabilities[emotion.ordinal()] = p;
        BoundingBox box = new BoundingBox(cx - side / 2, cy - side / 2, cx + side / 2, cy + side / 2);
        return new FaceReading(new DetectedFace(box, 0.99f, null), new EmotionReading(probabilities), trackId);
    }

    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-23T12:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
