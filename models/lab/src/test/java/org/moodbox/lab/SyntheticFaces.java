package org.moodbox.lab;

import java.util.Random;
import org.moodbox.models.fer.FerSet;

/**
 * Made-up 48x48 labelled images for checks that need no real faces (the exporter's arithmetic): each
 * class draws a bright bar at its own height over noise, so a few steps of training move the weights
 * and the batch-norm statistics away from their initial values.
 */
public final class SyntheticFaces {
    private SyntheticFaces() {
    }

    public static FerSet make(int count, long seed) {
        int side = FerSet.FER_SIDE;
        Random random = new Random(seed);
        byte[] pixels = new byte[count * side * side];
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            int label = i % FerSet.CLASSES;
            labels[i] = (byte) label;
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    int bar = Math.abs(y - (4 + label * 6)) < 3 ? 120 : 0;
                    pixels[(i * side + y) * side + x] = (byte) Math.min(255, 60 + bar + random.nextInt(70));
                }
            }
        }
        return new FerSet("synthetic", count, side, side, pixels, labels, null);
    }
}
