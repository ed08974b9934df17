package org.moodbox.lab.train;

/** One finished epoch as the log and the model card show it. */
public record EpochResult(int epoch, double trainLoss, double trainAccuracy, double validationAccuracy,
                          double validationFerPlusAccuracy, double learningRate, double seconds) {
}
