package org.moodbox.lab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * Cross-entropy against a target distribution per row (one-hot FER labels, FER+ vote shares or a mix,
 * with label smoothing), each row's target already multiplied by its class weights:
 * {@code loss = mean over rows of -sum_c target_c * log softmax(logits)_c}.
 */
final class SoftTargetLoss extends Loss {
    SoftTargetLoss() {
        super("soft_target_cross_entropy");
    }

    @Override
    public NDArray evaluate(NDList targets, NDList logits) {
        NDArray logProbabilities = logits.singletonOrThrow().logSoftmax(1);
        return logProbabilities.mul(targets.singletonOrThrow()).sum(new int[] {1}).neg().mean();
    }
}
