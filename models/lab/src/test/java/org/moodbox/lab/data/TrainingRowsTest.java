package org.moodbox.lab.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.moodbox.models.fer.FerSet;

/** The README's caveats turned into rules: blank images, leakage into test splits, duplicates. */
class TrainingRowsTest {
    private static final int PX = 48 * 48;

    @Test
    void dropsBlankLeakedAndConflictingRowsAndKeepsOneOfEachDuplicate() {
        byte[][] images = {face(1), new byte[PX], face(2), face(3), face(3), face(4), face(4), face(5)};
        byte[] labels = {0, 1, 2, 3, 3, 4, 5, 6};
        FerSet train = set("train", images, labels);
        FerSet test = set("test", new byte[][] {face(2)}, new byte[] {2});

        TrainingRows rows = TrainingRows.select(train, List.of(test));

        // row 1 blank, row 2 also in the test split, rows 3/4 the same face (keep 3),
        // rows 5/6 the same face with different labels (both out), rows 0 and 7 kept
        assertThat(rows.rows()).containsExactly(0, 3, 7);
        assertThat(rows.counts()).isEqualTo(new TrainingRows.Counts(8, 1, 1, 1, 2, 3));
    }

    private static byte[] face(int seed) {
        byte[] b = new byte[PX];
        for (int i = 0; i < PX; i++) {
            b[i] = (byte) (i * seed + seed);
        }
        return b;
    }

    private static FerSet set(String name, byte[][] images, byte[] labels) {
        byte[] pixels = new byte[images.length * PX];
        for (int i = 0; i < images.length; i++) {
            System.arraycopy(images[i], 0, pixels, i * PX, PX);
        }
        return new FerSet(name, images.length, 48, 48, pixels, labels, null);
    }
}
