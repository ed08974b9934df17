package org.moodbox.models.fer;

/**
 * The FER+ test rules, each mapping one face's ten votes (Microsoft's column order, see {@link FerPlusVotes}) to
 * the FER label it is scored against.
 *
 * <ul>
 *   <li>{@link #standard}: the rule of Microsoft's FERPlus loader ({@code src/ferplus.py}, {@code _process_data},
 *       "majority" mode), which published figures use: single votes are zeroed as outliers; a face is kept only
 *       when its top class then holds more than half of the remaining votes (unknown and not-a-face included in
 *       the total); faces whose top class is unknown or not-a-face are dropped. A contempt face is kept and can
 *       only be a miss, since FER-2013 has no contempt class. PrivateTest: 3,153 faces, 16 of them contempt.</li>
 *   <li>{@link #clear}: at least 7 annotators chose one non-neutral class: an expression nobody doubts, the
 *       in-repo stand-in for posed faces.</li>
 *   <li>{@link #subtle}: a non-neutral class got 4 to 6 votes and more than neutral: a real but mild expression,
 *       the faces a model most easily calls neutral.</li>
 * </ul>
 */
public final class FerPlusTestSets {
    /** Returned for a face the rule leaves out. */
    public static final int LEFT_OUT = -1;
    /** Returned for a kept contempt face: a class FER-2013 lacks, so every answer is wrong. */
    public static final int CONTEMPT = -2;
    private static final int NEUTRAL_COLUMN = 0;
    private static final int LAST_EMOTION_COLUMN = FerPlusVotes.CONTEMPT;

    private FerPlusTestSets() {
    }

    /** The standard label: a FER label, {@link #CONTEMPT}, or {@link #LEFT_OUT}. */
    public static int standard(byte[] votes, int offset) {
        int sum = 0;
        int top = -1;
        int topVotes = 0;
        for (int c = 0; c < FerPlusVotes.COLUMNS; c++) {
            int v = votes[offset + c] & 0xff;
            if (v <= 1) {
                continue; // a single vote is an outlier and zeroed
            }
            sum += v;
            if (v > topVotes) {
                top = c;
                topVotes = v;
            }
        }
        if (top < 0 || 2 * topVotes <= sum || top > LAST_EMOTION_COLUMN) {
            return LEFT_OUT;
        }
        return top == FerPlusVotes.CONTEMPT ? CONTEMPT : FerPlusVotes.ferLabelOfColumn(top);
    }

    /** The clear-expression label: the non-neutral class that at least 7 annotators chose, or {@link #LEFT_OUT}. */
    public static int clear(byte[] votes, int offset) {
        for (int c = NEUTRAL_COLUMN + 1; c < FerPlusVotes.CONTEMPT; c++) {
            if ((votes[offset + c] & 0xff) >= 7) {
                return FerPlusVotes.ferLabelOfColumn(c);
            }
        }
        return LEFT_OUT;
    }

    /**
     * The subtle-expression label: the non-neutral class with 4 to 6 votes and more votes than neutral (the
     * most-voted such class, the earlier column on a tie), or {@link #LEFT_OUT}.
     */
    public static int subtle(byte[] votes, int offset) {
        int neutral = votes[offset + NEUTRAL_COLUMN] & 0xff;
        int best = -1;
        int bestVotes = 0;
        for (int c = NEUTRAL_COLUMN + 1; c < FerPlusVotes.CONTEMPT; c++) {
            int v = votes[offset + c] & 0xff;
            if (v >= 4 && v <= 6 && v > neutral && v > bestVotes) {
                best = c;
                bestVotes = v;
            }
        }
        return best < 0 ? LEFT_OUT : FerPlusVotes.ferLabelOfColumn(best);
    }
}
