package org.moodbox.lab.train;

/**
 * One finished epoch as the log, the run's CSV and the model card show it.
 *
 * @param validationFerPlusAccuracy         against the FER+ plurality majority (every face whose most-voted class
 *                                          is one of the seven)
 * @param validationStandardFerPlusAccuracy against the standard FER+ test rule (Microsoft's; contempt faces are
 *                                          misses); NaN where the set has no votes
 */
public record EpochResult(int epoch, double trainLoss, double trainAccuracy, double validationAccuracy,
                          double validationFerPlusAccuracy, double learningRate, double seconds,
                          double validationStandardFerPlusAccuracy) {

    public EpochResult(int epoch, double trainLoss, double trainAccuracy, double validationAccuracy,
                       double validationFerPlusAccuracy, double learningRate, double seconds) {
        this(epoch, trainLoss, trainAccuracy, validationAccuracy, validationFerPlusAccuracy, learningRate, seconds,
                Double.NaN);
    }

    /** The figure a run on the FER+ votes is judged by: the standard rule's, else the plurality's. */
    double ferPlusScore() {
        return Double.isNaN(validationStandardFerPlusAccuracy) ? validationFerPlusAccuracy
                : validationStandardFerPlusAccuracy;
    }

    static final String CSV_HEADER = "epoch,train_loss,train_accuracy,val_fer_accuracy,val_ferplus_plurality_accuracy,"
            + "val_ferplus_standard_accuracy,learning_rate,seconds";

    String csvRow() {
        return String.format(java.util.Locale.ROOT, "%d,%.5f,%.5f,%.5f,%.5f,%.5f,%.6f,%.1f", epoch, trainLoss,
                trainAccuracy, validationAccuracy, validationFerPlusAccuracy, validationStandardFerPlusAccuracy,
                learningRate, seconds);
    }
}
