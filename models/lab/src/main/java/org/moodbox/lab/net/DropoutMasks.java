package org.moodbox.lab.net;

import java.util.Random;

/**
 * Where the compact net's spatial dropout draws its masks: a Java generator the trainer re-seeds before every
 * batch. PyTorch's own generator is not saved in a checkpoint, so masks drawn from it would make a resumed run
 * differ from an unbroken one; masks drawn from here repeat exactly.
 */
public final class DropoutMasks {
    private Random random = new Random(0);

    /** Seeds the masks of the next forward pass. */
    public void reseed(long seed) {
        random = new Random(seed);
    }

    /** {@code count} keep-or-drop factors: 0, or 1 / (1 - rate) so the expected activation is unchanged. */
    float[] next(int count, float rate) {
        float keep = 1f / (1f - rate);
        float[] mask = new float[count];
        for (int i = 0; i < count; i++) {
            mask[i] = random.nextFloat() < rate ? 0f : keep;
        }
        return mask;
    }
}
