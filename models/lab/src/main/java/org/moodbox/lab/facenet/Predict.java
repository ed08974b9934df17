package org.moodbox.lab.facenet;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import org.moodbox.lab.train.Inference;

/** The network's softmax probabilities on a cached part (inference mode: dropout off). */
public final class Predict {
    private static final int BATCH = 256;

    private Predict() {
    }

    public static float[][] probabilities(Block block, NDManager parent, FeatureCache.Loaded part) {
        float[][] out = new float[part.faces()][];
        float[] x = new float[BATCH * FeatureCache.VALUES];
        for (int start = 0; start < part.faces(); start += BATCH) {
            int n = Math.min(BATCH, part.faces() - start);
            for (int i = 0; i < n; i++) {
                part.floats(start + i, x, i * FeatureCache.VALUES);
            }
            float[] batch = java.util.Arrays.copyOf(x, n * FeatureCache.VALUES);
            float[][] rows = Inference.softmaxRows(block, parent,
                    m -> m.create(batch, new Shape(n, 7, 7, 128)).transpose(0, 3, 1, 2));
            System.arraycopy(rows, 0, out, start, n);
        }
        return out;
    }

    /** The mean of two predictions face by face (flip averaging: the face and its mirror image). */
    public static float[][] average(float[][] a, float[][] b) {
        float[][] out = new float[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = new float[a[i].length];
            for (int c = 0; c < a[i].length; c++) {
                out[i][c] = (a[i][c] + b[i][c]) / 2;
            }
        }
        return out;
    }
}
