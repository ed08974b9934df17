package org.moodbox.lab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import java.util.function.Function;

/** One batch through a network in inference mode (batch norm on running statistics, no dropout). */
public final class Inference {
    private Inference() {
    }

    /**
     * The batch's softmax probabilities, one row per face.
     *
     * @param batch makes the input batch in the given (short-lived) manager
     */
    public static float[][] softmaxRows(Block block, NDManager parent, Function<NDManager, NDArray> batch) {
        try (NDManager m = parent.newSubManager()) {
            NDArray logits = block.forward(new ParameterStore(m, false), new NDList(batch.apply(m)), false)
                    .singletonOrThrow();
            float[] p = logits.softmax(1).toFloatArray();
            int n = (int) logits.getShape().get(0);
            int k = (int) logits.getShape().get(1);
            float[][] rows = new float[n][];
            for (int i = 0; i < n; i++) {
                rows[i] = Arrays.copyOfRange(p, i * k, (i + 1) * k);
            }
            return rows;
        }
    }
}
