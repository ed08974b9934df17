package org.moodbox.vision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Greedy non-maximum suppression over scored boxes. */
final class Nms {
    private Nms() {
    }

    static List<Candidate> suppress(List<Candidate> candidates, float threshold, boolean overMin) {
        List<Candidate> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingDouble((Candidate c) -> c.score).reversed());
        List<Candidate> kept = new ArrayList<>();
        boolean[] removed = new boolean[sorted.size()];
        for (int i = 0; i < sorted.size(); i++) {
            if (removed[i]) {
                continue;
            }
            Candidate best = sorted.get(i);
            kept.add(best);
            for (int j = i + 1; j < sorted.size(); j++) {
                if (!removed[j] && best.box.overlap(sorted.get(j).box, overMin) > threshold) {
                    removed[j] = true;
                }
            }
        }
        return kept;
    }

    /** A box on its way through the cascade, with the regression the network proposed for it. */
    static final class Candidate {
        BoundingBox box;
        float score;
        final float[] regression = new float[4];
        Landmarks landmarks;

        Candidate(BoundingBox box, float score) {
            this.box = box;
            this.score = score;
        }

        /** Applies (dx1, dy1, dx2, dy2), given as fractions of the box size. */
        void refine() {
            float w = box.width();
            float h = box.height();
            box = new BoundingBox(box.x1() + regression[0] * w, box.y1() + regression[1] * h,
                    box.x2() + regression[2] * w, box.y2() + regression[3] * h);
        }
    }
}
