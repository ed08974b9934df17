package org.moodbox.lab.train;

/**
 * How far the epoch after {@code epochsDone} had come when its weights were last saved to
 * the latest checkpoint ({@link Checkpoints#latest}): a run killed mid-epoch (a session ending) resumes at that batch instead of
 * repeating the whole epoch. The running sums keep the epoch's reported loss and accuracy whole.
 */
public record PartialEpoch(int batchesDone, double lossSum, long correct, long seen, double seconds) {
}
