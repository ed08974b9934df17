package org.moodbox.lab.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CosineScheduleTest {
    @Test
    void warmsUpThenFollowsTheCosineAndResumesWhereItStopped() {
        CosineSchedule s = new CosineSchedule(0.1, 0.0, 10, 110, 0);
        assertThat(s.current()).isCloseTo(0.01, within(1e-9));
        for (int i = 0; i < 10; i++) {
            s.advance();
        }
        assertThat(s.current()).isCloseTo(0.1, within(1e-9)); // peak right after warm-up
        for (int i = 0; i < 50; i++) {
            s.advance();
        }
        assertThat(s.current()).isCloseTo(0.05, within(1e-9)); // half way down the cosine
        // A resumed run starts from the stored step, not from the optimizer's own (reset) count.
        CosineSchedule resumed = new CosineSchedule(0.1, 0.0, 10, 110, s.step());
        assertThat(resumed.getNewValue(0)).isEqualTo(s.getNewValue(12345));
        for (int i = 0; i < 100; i++) {
            resumed.advance();
        }
        assertThat(resumed.current()).isCloseTo(0.0, within(1e-9));
    }

    @Test
    void classWeightsFavourRareClassesAndAverageOne() {
        byte[] labels = new byte[80];
        for (int i = 0; i < 80; i++) {
            labels[i] = (byte) (i < 40 ? 3 : i < 44 ? 1 : i % 7);
        }
        org.moodbox.models.fer.FerSet set = new org.moodbox.models.fer.FerSet("x", 80, 48, 48, new byte[80 * 48 * 48],
                labels, null);
        int[] rows = java.util.stream.IntStream.range(0, 80).toArray();
        float[] w = ClassWeights.of(rows, set::label, 0.5f);
        assertThat(w[1]).isGreaterThan(w[3]);
        double mean = 0;
        for (int r : rows) {
            mean += w[set.label(r)];
        }
        assertThat(mean / rows.length).isCloseTo(1.0, within(1e-5));
        assertThat(ClassWeights.of(rows, set::label, 0f)).containsOnly(1f);
    }
}
