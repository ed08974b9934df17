package org.moodbox.vision;

/**
 * Anchor centres as MediaPipe's SsdAnchorsCalculator makes them for BlazeFace: fixed_anchor_size (every
 * anchor is 1x1 in normalised units, so only centres matter), offsets 0.5, aspect ratio 1.0 plus one
 * interpolated anchor per layer when asked. Consecutive layers of equal stride share one grid, and
 * the anchors are ordered layer group, row, column, anchor: the order of the model's outputs.
 */
final class SsdAnchors {
    private SsdAnchors() {
    }

    /** Returns {x0, y0, x1, y1, ...}: the centres in [0,1] of the input square. */
    static float[] centres(int inputSize, int[] strides, boolean interpolatedAnchor) {
        int perLayer = interpolatedAnchor ? 2 : 1;
        int total = 0;
        for (int i = 0; i < strides.length; ) {
            int j = sameStrideEnd(strides, i);
            int grid = gridSide(inputSize, strides[i]);
            total += grid * grid * perLayer * (j - i);
            i = j;
        }
        float[] centres = new float[total * 2];
        int k = 0;
        for (int i = 0; i < strides.length; ) {
            int j = sameStrideEnd(strides, i);
            int grid = gridSide(inputSize, strides[i]);
            int perCell = perLayer * (j - i);
            for (int y = 0; y < grid; y++) {
                for (int x = 0; x < grid; x++) {
                    for (int a = 0; a < perCell; a++) {
                        centres[k++] = (x + 0.5f) / grid;
                        centres[k++] = (y + 0.5f) / grid;
                    }
                }
            }
            i = j;
        }
        return centres;
    }

    private static int sameStrideEnd(int[] strides, int start) {
        int end = start;
        while (end < strides.length && strides[end] == strides[start]) {
            end++;
        }
        return end;
    }

    private static int gridSide(int inputSize, int stride) {
        return (inputSize + stride - 1) / stride;
    }
}
