package org.moodbox.lab.train;

import java.util.Locale;
import org.moodbox.lab.net.DcnnLayout;

/**
 * Everything that decides what a training run computes. Stored in the run's state file on the first
 * epoch, so resuming continues exactly the run that was started whatever the command line says later.
 *
 * @param limit           use at most this many training rows (0 = all): the CI smoke test trains on a few hundred
 * @param validationLimit use at most this many validation rows (0 = all)
 * @param classWeightPower loss weight of class c is (mean count / count of c) ^ power: 0 = none, 1 = full balance
 * @param ferPlusWeight   0 trains on the FER labels; 1 on the FER+ vote distributions; between mixes the two
 * @param conv            "plain" 3x3 convolutions (the DCNN) or "separable" (the compact net)
 * @param groupDropout    spatial dropout after each stage's pool (0 = none)
 * @param optimizer       "sgd" (DJL's, momentum not saved) or "adam" (AdamW, moments saved with each checkpoint;
 *                        weight decay is then decoupled, and momentum is Adam's beta1)
 * @param augmentation    "standard" (small shifts and turns, the DCNN's) or "wide" (the published compact
 *                        net's: turns of 30 degrees, shift, zoom and shear of a fifth, brightness 0.2-1.2)
 * @param patience        stop early when the validation score has not improved for this many epochs (0 = never)
 * @param teacher         a {@link TeacherFile} of probabilities for the training rows ({@code lab teacher}); null = none
 * @param teacherWeight   the teacher's share of each row's target: (1 - w) * (labels or votes) + w * teacher
 * @param initFrom        weights (.params) a fresh run starts from instead of random ones (fine-tuning); null = random
 */
public record TrainOptions(
        String stages, float dropout, int epochs, int batchSize, float learningRate, float minLearningRate,
        float warmupEpochs, float momentum, float weightDecay, float labelSmoothing, float classWeightPower,
        float ferPlusWeight, long seed, int limit, int validationLimit, String conv, float groupDropout,
        String optimizer, String augmentation, int patience, String teacher, float teacherWeight, String initFrom) {

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
        if (dropout < 0 || dropout >= 1 || warmupEpochs < 0 || classWeightPower < 0 || patience < 0) {
            throw new IllegalArgumentException("dropout in [0,1), warm-up, class weight power and patience >= 0");
        }
        if (teacherWeight < 0 || teacherWeight > 1 || (teacherWeight > 0) != (teacher != null)) {
            throw new IllegalArgumentException("a teacher file and a teacher weight in (0,1] go together");
        }
        conv = conv == null ? "plain" : conv.toLowerCase(Locale.ROOT);
        optimizer = optimizer == null ? "sgd" : optimizer.toLowerCase(Locale.ROOT);
        augmentation = augmentation == null ? "standard" : augmentation.toLowerCase(Locale.ROOT);
        if (!optimizer.equals("sgd") && !optimizer.equals("adam")) {
            throw new IllegalArgumentException("optimizer is sgd or adam, not '" + optimizer + "'");
        }
        if (!augmentation.equals("standard") && !augmentation.equals("wide")) {
            throw new IllegalArgumentException("augmentation is standard or wide, not '" + augmentation + "'");
        }
        // fails early on a malformed stage list, convolution kind or dropout rate
        DcnnLayout.parse(48, stages, dropout, 7, DcnnLayout.ConvKind.parse(conv), groupDropout);
    }

    /** A DCNN run as the earlier command line made it: plain convolutions, SGD, the standard augmentation. */
    public TrainOptions(String stages, float dropout, int epochs, int batchSize, float learningRate,
                        float minLearningRate, float warmupEpochs, float momentum, float weightDecay,
                        float labelSmoothing, float classWeightPower, float ferPlusWeight, long seed, int limit,
                        int validationLimit) {
        this(stages, dropout, epochs, batchSize, learningRate, minLearningRate, warmupEpochs, momentum, weightDecay,
                labelSmoothing, classWeightPower, ferPlusWeight, seed, limit, validationLimit, "plain", 0f, "sgd",
                "standard", 0);
    }

    /** A run without a teacher or starting weights (the runs begun before distillation existed). */
    public TrainOptions(String stages, float dropout, int epochs, int batchSize, float learningRate,
                        float minLearningRate, float warmupEpochs, float momentum, float weightDecay,
                        float labelSmoothing, float classWeightPower, float ferPlusWeight, long seed, int limit,
                        int validationLimit, String conv, float groupDropout, String optimizer, String augmentation,
                        int patience) {
        this(stages, dropout, epochs, batchSize, learningRate, minLearningRate, warmupEpochs, momentum, weightDecay,
                labelSmoothing, classWeightPower, ferPlusWeight, seed, limit, validationLimit, conv, groupDropout,
                optimizer, augmentation, patience, null, 0f, null);
    }

    /**
     * A run on the FER+ votes is judged by the FER+ votes: its rows, class weights and training accuracy follow
     * the majority vote instead of the single FER label, and its best epoch the standard FER+ test rule.
     */
    public boolean judgedByFerPlus() {
        return ferPlusWeight > 0;
    }

    /** Whether a run with this history should stop before its last epoch: no better score for patience epochs. */
    public boolean outOfPatience(int epochsDone, int bestEpoch) {
        return patience > 0 && epochsDone - bestEpoch >= patience;
    }

    public boolean adam() {
        return optimizer.equals("adam");
    }

    public DcnnLayout layout() {
        return DcnnLayout.parse(48, stages, dropout, 7, DcnnLayout.ConvKind.parse(conv), groupDropout);
    }
}
