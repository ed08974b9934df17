package org.moodbox.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FrameRateTest {
    private static final long MS = 1_000_000L;

    @Test
    void aReopenedFiveFpsCameraShowsFiveFpsFromItsSecondFrame() {
        FrameRate rate = new FrameRate();
        long t = 123_456 * MS;
        assertThat(rate.frameAt(t)).as("one frame has no rate yet").isZero();
        // Real frame times: 200 ms apart, whatever the first frame's own processing took.
        for (int i = 1; i <= 20; i++) {
            assertThat(rate.frameAt(t + i * 200 * MS)).isCloseTo(5.0, within(1e-9));
        }
    }

    @Test
    void aSlowerCameraIsFollowedSmoothly() {
        FrameRate rate = new FrameRate();
        long t = 0;
        rate.frameAt(t);
        for (int i = 0; i < 10; i++) {
            t += 100 * MS;
            rate.frameAt(t);
        }
        double before = rate.frameAt(t += 1000 * MS);
        assertThat(before).isBetween(1.0, 10.0);
        for (int i = 0; i < 100; i++) {
            t += 1000 * MS;
            rate.frameAt(t);
        }
        assertThat(rate.frameAt(t + 1000 * MS)).isCloseTo(1.0, within(0.01));
    }
}
