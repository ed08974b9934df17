package org.moodbox.lab.data;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.moodbox.models.fer.FerSet;

/**
 * The training rows worth learning from, per the shared data's README: exact duplicates are kept once,
 * duplicate groups whose labels disagree are dropped, blank images (all one grey value, e.g. the 11 black
 * ones) are dropped, and every training image that also appears in a test split is dropped so the test
 * accuracy measures faces the network has never seen. Test splits themselves are never altered: the
 * published numbers we compare against use them whole.
 */
public record TrainingRows(int[] rows, Counts counts) {

    /** How many rows each rule removed, for the run log and the model card. */
    public record Counts(int total, int blank, int leakedIntoTest, int duplicate, int conflictingDuplicate, int kept) {
        @Override
        public String toString() {
            return "train rows " + total + ": dropped " + blank + " blank, " + leakedIntoTest + " also in a test split, "
                    + duplicate + " exact duplicates, " + conflictingDuplicate + " in duplicate groups with"
                    + " different labels; kept " + kept;
        }
    }

    /**
     * The kept rows whose FER+ majority is one of the seven FER classes: rows whose most-voted FER+ column is
     * contempt, unknown or not-a-face are dropped (FER+'s authors drop unknown and not-a-face; FER-2013 has no
     * contempt class), so a run on the votes learns only faces people agreed show one of the seven.
     */
    public int[] withFerPlusMajority(FerSet train) {
        return java.util.Arrays.stream(rows)
                .filter(r -> train.ferPlusMajority(r) >= 0 && train.ferPlusDistribution(r) != null).toArray();
    }

    public static TrainingRows select(FerSet train, List<FerSet> testSplits) {
        Set<ByteBuffer> testImages = new HashSet<>();
        for (FerSet test : testSplits) {
            for (int i = 0; i < test.count(); i++) {
                testImages.add(ByteBuffer.wrap(test.image(i)));
            }
        }
        Map<ByteBuffer, List<Integer>> groups = new HashMap<>();
        List<ByteBuffer> order = new ArrayList<>();
        int blank = 0;
        int leaked = 0;
        for (int i = 0; i < train.count(); i++) {
            byte[] image = train.image(i);
            if (isBlank(image)) {
                blank++;
                continue;
            }
            ByteBuffer key = ByteBuffer.wrap(image);
            if (testImages.contains(key)) {
                leaked++;
                continue;
            }
            groups.computeIfAbsent(key, k -> {
                order.add(k);
                return new ArrayList<>();
            }).add(i);
        }
        int duplicate = 0;
        int conflicting = 0;
        int[] kept = new int[order.size()];
        int n = 0;
        for (ByteBuffer key : order) {
            List<Integer> group = groups.get(key);
            int label = train.label(group.get(0));
            boolean agree = group.stream().allMatch(r -> train.label(r) == label);
            if (!agree) {
                conflicting += group.size();
                continue;
            }
            duplicate += group.size() - 1;
            kept[n++] = group.get(0);
        }
        int[] rows = java.util.Arrays.copyOf(kept, n);
        return new TrainingRows(rows, new Counts(train.count(), blank, leaked, duplicate, conflicting, n));
    }

    static boolean isBlank(byte[] image) {
        for (byte b : image) {
            if (b != image[0]) {
                return false;
            }
        }
        return true;
    }
}
