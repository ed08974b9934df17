package org.moodbox.vision;

import java.util.ArrayList;
import java.util.List;

/**
 * MediaPipe's weighted non-maximum suppression ("blending"): the best remaining detection and every
 * other one overlapping it by more than the threshold are merged into one, box and keypoints averaged
 * by score, keeping the best score. BlazeFace fires several neighbouring anchors per face; averaging
 * them gives steadier boxes from frame to frame than keeping only the best.
 */
final class WeightedNms {
    private WeightedNms() {
    }

    /** A raw detection in frame pixels: box corners then keypoints as x,y pairs. */
    record Raw(float score, float[] values) {
        BoundingBox box() {
            return new BoundingBox(values[0], values[1], values[2], values[3]);
        }
    }

    static List<Raw> blend(List<Raw> detections, float iouThreshold) {
        List<Raw> remaining = new ArrayList<>(detections);
        remaining.sort((a, b) -> Float.compare(b.score(), a.score()));
        List<Raw> out = new ArrayList<>();
        while (!remaining.isEmpty()) {
            Raw best = remaining.get(0);
            BoundingBox bestBox = best.box();
            float[] sum = new float[best.values().length];
            float weights = 0;
            List<Raw> rest = new ArrayList<>(remaining.size());
            for (Raw d : remaining) {
                if (d == best || bestBox.overlap(d.box(), false) > iouThreshold) {
                    for (int i = 0; i < sum.length; i++) {
                        sum[i] += d.values()[i] * d.score();
                    }
                    weights += d.score();
                } else {
                    rest.add(d);
                }
            }
            for (int i = 0; i < sum.length; i++) {
                sum[i] /= weights;
            }
            out.add(new Raw(best.score(), sum));
            remaining = rest;
        }
        return out;
    }
}
