package org.moodbox.lab.facenet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

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
            try (NDManager m = parent.newSubManager()) {
                NDArray input = m.create(java.util.Arrays.copyOf(x, n * FeatureCache.VALUES), new Shape(n, 7, 7, 128))
                        .transpose(0, 3, 1, 2);
                NDArray logits = block.forward(new ParameterStore(m, false), new NDList(input), false).singletonOrThrow();
                float[] p = logits.softmax(1).toFloatArray();
                int k = (int) logits.getShape().get(1);
                for (int i = 0; i < n; i++) {
                    out[start + i] = java.util.Arrays.copyOfRange(p, i * k, (i + 1) * k);
                }
            }
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
