package org.moodbox.lab.train;

import org.moodbox.lab.net.DcnnLayout;

/**
 * Everything that decides what a training run computes. Stored in the run's state file on the first
 * epoch, so resuming continues exactly the run that was started whatever the command line says later.
 *
 * @param limit           use at most this many training rows (0 = all): the CI smoke test trains on a few hundred
 * @param validationLimit use at most this many validation rows (0 = all)
 * @param classWeightPower loss weight of class c is (mean count / count of c) ^ power: 0 = none, 1 = full balance
 * @param ferPlusWeight   0 trains on the FER labels; 1 on the FER+ vote distributions; between mixes the two
 */
public record TrainOptions(
        String stages, float dropout, int epochs, int batchSize, float learningRate, float minLearningRate,
        float warmupEpochs, float momentum, float weightDecay, float labelSmoothing, float classWeightPower,
        float ferPlusWeight, long seed, int limit, int validationLimit) {

    public TrainOptions {
        if (epochs < 1 || batchSize < 1) {
            throw new IllegalArgumentException("epochs and batch size must be at least 1");
        }
        if (learningRate <= 0 || minLearningRate < 0 || minLearningRate > learningRate) {
            throw new IllegalArgumentException("need 0 <= min learning rate <= learning rate, learning rate > 0");
        }
        if (ferPlusWeight < 0 || ferPlusWeight > 1 || labelSmoothing < 0 || labelSmoothing >= 1) {
            throw new IllegalArgumentException("FER+ weight must be in [0,1] and label smoothing in [0,1)");
        }
        if (dropout < 0 || dropout >= 1 || warmupEpochs < 0 || classWeightPower < 0) {
            throw new IllegalArgumentException("dropout in [0,1), warm-up and class weight power >= 0");
        }
        DcnnLayout.parse(48, stages, dropout, 7); // fails early on a malformed stage list
    }

    /**
     * A run on the FER+ votes is judged by the FER+ majority: its rows, class weights, training accuracy and
     * best epoch all follow the majority vote instead of the single FER label.
     */
    public boolean judgedByFerPlus() {
        return ferPlusWeight > 0;
    }

    public DcnnLayout layout() {
        return DcnnLayout.parse(48, stages, dropout, 7);
    }
}
