package org.moodbox.bench;

import java.util.List;
import org.moodbox.vision.BoundingBox;

/**
 * Boxes found in a {@link MovingFaceClip} judged against its ground truth, frame by frame: each visible true face
 * matched by a different found box of IoU at least {@link VisionBench#MATCH_IOU} (best first); recall over all
 * visible faces of all frames; stray boxes (overlapping no true face, visible or not, by even 0.2); and how long a
 * face that comes into view (at the start, after a cut, or walking back in) waits to be found.
 */
public final class Scoring {
    private static final double STRAY_IOU = 0.2;

    /**
     * @param matches          per frame, per true face of that frame's photo (in {@link MovingFaceClip#truth}
     *                         order): the index of the found box matched to it, or -1
     * @param newFaceMaxSeconds the longest wait from a face coming into view to its first match
     * @param facesNeverFound  appearances that were never matched while in view
     */
    public record Score(int visible, int matched, int stray, int appearances, double newFaceMaxSeconds,
                        double newFaceMeanSeconds, int facesNeverFound, int[][] matches) {
        public double recall() {
            return visible == 0 ? 1 : matched / (double) visible;
        }
    }

    private Scoring() {
    }

    /** @param found per frame, the boxes a pipeline reported, in its own order */
    public static Score score(MovingFaceClip clip, List<List<BoundingBox>> found) {
        int frames = found.size();
        int[][] matches = new int[frames][];
        int visible = 0;
        int matched = 0;
        int stray = 0;
        int faces = org.moodbox.models.SampleFaces.ALL.size();
        int[] appearedAt = new int[faces];
        java.util.Arrays.fill(appearedAt, -1);
        boolean[] waiting = new boolean[faces];
        int previousPhoto = -1;
        int appearances = 0;
        int neverFound = 0;
        double waitMax = 0;
        double waitSum = 0;
        int waits = 0;
        for (int i = 0; i < frames; i++) {
            List<MovingFaceClip.TruthFace> truth = clip.truth(i);
            List<BoundingBox> boxes = found.get(i);
            int[] match = match(truth, boxes);
            matches[i] = match;
            int photo = clip.pose(i).photo();
            if (photo != previousPhoto) {
                for (int id = 0; id < faces; id++) {
                    if (waiting[id]) {
                        neverFound++;
                    }
                    waiting[id] = false;
                    appearedAt[id] = -1;
                }
                previousPhoto = photo;
            }
            for (int t = 0; t < truth.size(); t++) {
                MovingFaceClip.TruthFace face = truth.get(t);
                int id = face.identity();
                if (!face.visible()) {
                    if (waiting[id]) {
                        neverFound++;
                    }
                    waiting[id] = false;
                    appearedAt[id] = -1;
                    continue;
                }
                visible++;
                if (appearedAt[id] < 0) {
                    appearedAt[id] = i;
                    waiting[id] = true;
                    appearances++;
                }
                if (match[t] >= 0) {
                    matched++;
                    if (waiting[id]) {
                        double wait = (i - appearedAt[id]) / (double) clip.fps();
                        waitMax = Math.max(waitMax, wait);
                        waitSum += wait;
                        waits++;
                        waiting[id] = false;
                    }
                }
            }
            for (BoundingBox b : boxes) {
                boolean nearAny = false;
                for (MovingFaceClip.TruthFace face : truth) {
                    nearAny |= b.overlap(face.box(), false) >= STRAY_IOU;
                }
                stray += nearAny ? 0 : 1;
            }
        }
        for (boolean w : waiting) {
            neverFound += w ? 1 : 0;
        }
        return new Score(visible, matched, stray, appearances, waitMax, waits == 0 ? 0 : waitSum / waits, neverFound,
                matches);
    }

    /** Each true face its best box of IoU at least {@link VisionBench#MATCH_IOU}, one box per face, best pairs first. */
    public static int[] match(List<MovingFaceClip.TruthFace> truth, List<BoundingBox> boxes) {
        int[] match = new int[truth.size()];
        java.util.Arrays.fill(match, -1);
        boolean[] used = new boolean[boxes.size()];
        while (true) {
            double best = VisionBench.MATCH_IOU;
            int bestTruth = -1;
            int bestBox = -1;
            for (int t = 0; t < truth.size(); t++) {
                if (match[t] >= 0) {
                    continue;
                }
                for (int b = 0; b < boxes.size(); b++) {
                    double iou = used[b] ? 0 : boxes.get(b).overlap(truth.get(t).box(), false);
                    if (iou >= best) {
                        best = iou;
                        bestTruth = t;
                        bestBox = b;
                    }
                }
            }
            if (bestTruth < 0) {
                return match;
            }
            match[bestTruth] = bestBox;
            used[bestBox] = true;
        }
    }
}
