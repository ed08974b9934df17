package org.moodbox.models.fer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.moodbox.models.fer.FerPlusTestSets.CONTEMPT;
import static org.moodbox.models.fer.FerPlusTestSets.LEFT_OUT;

import org.junit.jupiter.api.Test;

/** The three FER+ test rules on hand-made vote rows, each row built to sit on one edge of a rule. */
class FerPlusTestSetsTest {
    // FER labels (FER-2013 order)
    private static final int ANGRY = 0;
    private static final int HAPPY = 3;
    private static final int SAD = 4;
    private static final int NEUTRAL = 6;

    @Test
    void standardZeroesSingleVotesBeforeTheMajorityTest() {
        // 5 of 10 is not more than half; with the five single votes zeroed it is 5 of 5.
        assertThat(standard(5, 1, 1, 1, 1, 0, 1, 0, 0, 0)).isEqualTo(NEUTRAL);
        // 2 votes are not an outlier: 5 of 7 still holds the majority, 5 of 9 too.
        assertThat(standard(5, 2, 0, 0, 0, 0, 0, 0, 0, 0)).isEqualTo(NEUTRAL);
        assertThat(standard(5, 2, 2, 0, 0, 0, 0, 0, 0, 0)).isEqualTo(NEUTRAL);
        // Single votes only: nothing remains.
        assertThat(standard(1, 1, 1, 1, 1, 1, 1, 1, 1, 1)).isEqualTo(LEFT_OUT);
    }

    @Test
    void standardNeedsMoreThanHalfWithUnknownAndNotAFaceInTheTotal() {
        // happiness 4 of 8 (2 unknown counted): not more than half. Without the unknown votes it would be 4 of 6.
        assertThat(standard(2, 4, 0, 0, 0, 0, 0, 0, 2, 0)).isEqualTo(LEFT_OUT);
        // the same with not-a-face votes
        assertThat(standard(2, 4, 0, 0, 0, 0, 0, 0, 0, 2)).isEqualTo(LEFT_OUT);
        // happiness 5 of 9 with 4 unknown: kept
        assertThat(standard(0, 5, 0, 0, 0, 0, 0, 0, 4, 0)).isEqualTo(HAPPY);
        // an even split is not a majority
        assertThat(standard(0, 0, 0, 5, 5, 0, 0, 0, 0, 0)).isEqualTo(LEFT_OUT);
        assertThat(standard(0, 0, 0, 4, 6, 0, 0, 0, 0, 0)).isEqualTo(ANGRY);
    }

    @Test
    void standardKeepsContemptAndDropsUnknownOrNotAFaceTops() {
        assertThat(standard(4, 0, 0, 0, 0, 0, 0, 6, 0, 0)).isEqualTo(CONTEMPT);
        assertThat(standard(3, 0, 0, 0, 0, 0, 0, 0, 7, 0)).isEqualTo(LEFT_OUT);
        assertThat(standard(0, 2, 0, 0, 0, 0, 0, 0, 0, 8)).isEqualTo(LEFT_OUT);
    }

    @Test
    void clearNeedsSevenVotesForOneNonNeutralClass() {
        assertThat(clear(3, 0, 0, 7, 0, 0, 0, 0, 0, 0)).isEqualTo(SAD);
        assertThat(clear(0, 0, 0, 0, 10, 0, 0, 0, 0, 0)).isEqualTo(ANGRY);
        assertThat(clear(4, 0, 0, 6, 0, 0, 0, 0, 0, 0)).isEqualTo(LEFT_OUT);
        assertThat(clear(7, 3, 0, 0, 0, 0, 0, 0, 0, 0)).isEqualTo(LEFT_OUT); // neutral is no expression
        assertThat(clear(3, 0, 0, 0, 0, 0, 0, 7, 0, 0)).isEqualTo(LEFT_OUT); // contempt is not a FER class
    }

    @Test
    void subtleNeedsFourToSixVotesAndMoreThanNeutral() {
        assertThat(subtle(3, 0, 0, 4, 0, 0, 0, 0, 3, 0)).isEqualTo(SAD);
        assertThat(subtle(4, 0, 0, 6, 0, 0, 0, 0, 0, 0)).isEqualTo(SAD);
        assertThat(subtle(4, 0, 0, 4, 0, 0, 0, 0, 2, 0)).isEqualTo(LEFT_OUT); // a tie with neutral is not more
        assertThat(subtle(5, 0, 0, 4, 0, 0, 0, 0, 1, 0)).isEqualTo(LEFT_OUT);
        assertThat(subtle(2, 0, 0, 3, 3, 0, 0, 0, 2, 0)).isEqualTo(LEFT_OUT); // 3 votes are too few
        assertThat(subtle(3, 0, 0, 7, 0, 0, 0, 0, 0, 0)).isEqualTo(LEFT_OUT); // 7 is clear, not subtle
        assertThat(subtle(1, 0, 0, 4, 5, 0, 0, 0, 0, 0)).isEqualTo(ANGRY); // the most-voted expression wins
        assertThat(subtle(2, 0, 0, 4, 4, 0, 0, 0, 0, 0)).isEqualTo(SAD); // a tie goes to the earlier column
        assertThat(subtle(2, 0, 0, 0, 0, 0, 0, 5, 3, 0)).isEqualTo(LEFT_OUT); // contempt is not a FER class
    }

    @Test
    void rulesReadTheRowAtItsOffset() {
        // the row before would read happy in the clear view
        byte[] rows = {9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        System.arraycopy(votes(0, 0, 0, 7, 0, 0, 0, 0, 0, 0), 0, rows, 10, 10);
        assertThat(FerPlusTestSets.clear(rows, 10)).isEqualTo(SAD);
        assertThat(FerPlusTestSets.standard(rows, 10)).isEqualTo(SAD);
        assertThat(FerPlusTestSets.subtle(rows, 10)).isEqualTo(LEFT_OUT);
    }

    private static int standard(int... columns) {
        return FerPlusTestSets.standard(votes(columns), 0);
    }

    private static int clear(int... columns) {
        return FerPlusTestSets.clear(votes(columns), 0);
    }

    private static int subtle(int... columns) {
        return FerPlusTestSets.subtle(votes(columns), 0);
    }

    /** Columns in Microsoft's order: neutral, happiness, surprise, sadness, anger, disgust, fear, contempt, unknown, not-a-face. */
    private static byte[] votes(int... columns) {
        assertThat(columns).hasSize(FerPlusVotes.COLUMNS);
        byte[] row = new byte[columns.length];
        for (int c = 0; c < columns.length; c++) {
            row[c] = (byte) columns[c];
        }
        return row;
    }
}
