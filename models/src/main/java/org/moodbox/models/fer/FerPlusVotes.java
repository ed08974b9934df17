package org.moodbox.models.fer;

/**
 * FER+ votes (ten annotators) in the column order of Microsoft's {@code fer2013new.csv}: neutral, happiness,
 * surprise, sadness, anger, disgust, fear, contempt, unknown, not-a-face. FER-2013 has no contempt class,
 * so contempt, unknown and not-a-face votes have no place among the seven FER labels.
 */
public final class FerPlusVotes {
    public static final int COLUMNS = 10;
    static final int CONTEMPT = 7;
    static final int UNKNOWN = 8;
    static final int NOT_A_FACE = 9;
    /** FER label (0 angry .. 6 neutral) of each FER+ column, -1 where FER has none. */
    private static final int[] FER_LABEL_OF_COLUMN = {6, 3, 5, 4, 0, 1, 2, -1, -1, -1};

    private FerPlusVotes() {
    }

    /** The FER label (0 angry .. 6 neutral) of a vote column, -1 for contempt, unknown and not-a-face. */
    static int ferLabelOfColumn(int column) {
        return FER_LABEL_OF_COLUMN[column];
    }

    /**
     * The majority FER label, or -1 when the most-voted column is contempt, unknown or not-a-face (rows an
     * evaluation leaves out). Ties go to the earlier column, as numpy's argmax in Microsoft's scripts does.
     */
    public static int majorityFerLabel(byte[] votes, int offset) {
        int best = 0;
        for (int c = 1; c < COLUMNS; c++) {
            if ((votes[offset + c] & 0xff) > (votes[offset + best] & 0xff)) {
                best = c;
            }
        }
        return (votes[offset + best] & 0xff) == 0 ? -1 : FER_LABEL_OF_COLUMN[best];
    }

    /**
     * The votes for the seven FER classes as a probability distribution (FER label order), or null when no
     * annotator chose any of them (all contempt, unknown or not-a-face).
     */
    public static float[] ferDistribution(byte[] votes, int offset) {
        float[] p = new float[7];
        int total = 0;
        for (int c = 0; c < COLUMNS; c++) {
            int label = FER_LABEL_OF_COLUMN[c];
            if (label >= 0) {
                int v = votes[offset + c] & 0xff;
                p[label] += v;
                total += v;
            }
        }
        if (total == 0) {
            return null;
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= total;
        }
        return p;
    }
}
