package org.moodbox.lab;

import java.util.Random;
import org.moodbox.models.fer.FerSet;

/**
 * Made-up 48x48 labelled images for checks that need no real faces (the exporter's arithmetic): each
 * class is its own stripe pattern over noise (horizontal or vertical stripes of two periods, two checker
 * sizes, none), which survives the trainer's shifts, flips and small rotations, so a few epochs of
 * training give a confident network with batch-norm statistics far from their initial values.
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
                    boolean on = switch (label) {
                        case 0 -> y / 3 % 2 == 0;
                        case 1 -> x / 3 % 2 == 0;
                        case 2 -> y / 8 % 2 == 0;
                        case 3 -> x / 8 % 2 == 0;
                        case 4 -> (x / 4 + y / 4) % 2 == 0;
                        case 5 -> (x / 12 + y / 12) % 2 == 0;
                        default -> false;
                    };
                    pixels[(i * side + y) * side + x] = (byte) ((on ? 150 : 70) + random.nextInt(40));
                }
            }
        }
        return new FerSet("synthetic", count, side, side, pixels, labels, null);
    }
}
