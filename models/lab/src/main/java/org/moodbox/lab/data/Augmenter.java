package org.moodbox.lab.data;

import java.util.Random;

/**
 * Random training views of a 48x48 grey face: a small rotation, scale and shift (one affine warp,
 * bilinear, borders replicated as the appliance's aligner does), a horizontal flip, then brightness and
 * contrast. All randomness comes from the caller's seeded {@link Random}, so a run is repeatable.
 */
public final class Augmenter {
    private final int side;
    private final double maxRotationDegrees;
    private final double maxShiftPixels;
    private final double maxScaleChange;
    private final double maxBrightness;
    private final double maxContrastChange;
    private final double maxShear;
    private final double minGain;
    private final double maxGain;

    /** Small turns, shifts and zooms, additive brightness and contrast: the DCNN's kind of views. */
    public Augmenter(int side, double maxRotationDegrees, double maxShiftPixels, double maxScaleChange,
                     double maxBrightness, double maxContrastChange) {
        this(side, maxRotationDegrees, maxShiftPixels, maxScaleChange, maxBrightness, maxContrastChange, 0, 1, 1);
    }

    private Augmenter(int side, double maxRotationDegrees, double maxShiftPixels, double maxScaleChange,
                      double maxBrightness, double maxContrastChange, double maxShear, double minGain, double maxGain) {
        this.side = side;
        this.maxRotationDegrees = maxRotationDegrees;
        this.maxShiftPixels = maxShiftPixels;
        this.maxScaleChange = maxScaleChange;
        this.maxBrightness = maxBrightness;
        this.maxContrastChange = maxContrastChange;
        this.maxShear = maxShear;
        this.minGain = minGain;
        this.maxGain = maxGain;
    }

    /** The settings the DCNN runs use: +-10 degrees, +-4 px (a random crop), +-10% scale, +-0.2 brightness/contrast. */
    public static Augmenter standard(int side) {
        return new Augmenter(side, 10, 4, 0.10, 0.2, 0.2);
    }

    /**
     * The published compact FER+ net's settings (Keras' ImageDataGenerator there): +-30 degrees, shift, zoom and
     * shear of up to a fifth, a horizontal flip, brightness times 0.2 to 1.2. They also span the framing the
     * appliance's aligner gives a live face (eyes levelled, the face a little larger or smaller and off centre
     * against FER-2013's crops), which a network trained on FER-2013's own framing never sees.
     */
    public static Augmenter wide(int side) {
        return new Augmenter(side, 30, 0.2 * side, 0.2, 0, 0, 0.2, 0.2, 1.2);
    }

    /**
     * Writes one augmented view of {@code image} (side*side grey bytes) into {@code out} at {@code offset},
     * already in the network's input scale (see {@link Preprocessing}).
     */
    public void augment(byte[] image, int imageOffset, float[] out, int offset, Random random) {
        double angle = Math.toRadians(uniform(random, maxRotationDegrees));
        double scale = 1 + uniform(random, maxScaleChange);
        double dx = uniform(random, maxShiftPixels);
        double dy = uniform(random, maxShiftPixels);
        boolean flip = random.nextBoolean();
        double brightness = uniform(random, maxBrightness);
        double contrast = 1 + uniform(random, maxContrastChange);
        // Drawn only where set, so the DCNN's standard views come out exactly as before these two existed.
        double shear = maxShear > 0 ? uniform(random, maxShear) : 0;
        double gain = maxGain > minGain ? minGain + random.nextDouble() * (maxGain - minGain) : 1;

        // Inverse map: for each output pixel, where to sample in the source (rotate and scale about the centre).
        double c = (side - 1) / 2.0;
        double cos = Math.cos(angle) / scale;
        double sin = Math.sin(angle) / scale;
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                double ox = (flip ? side - 1 - x : x) - c - dx;
                double oy = y - c - dy;
                double sx = cos * ox + sin * oy + shear * oy + c;
                double sy = -sin * ox + cos * oy + c;
                double g = bilinear(image, imageOffset, sx, sy) / 255.0;
                g = ((g - 0.5) * contrast + 0.5 + brightness) * gain;
                g = Math.max(0, Math.min(1, g));
                out[offset + y * side + x] = Preprocessing.scale((float) g);
            }
        }
    }

    private double bilinear(byte[] image, int base, double x, double y) {
        x = Math.max(0, Math.min(side - 1, x));
        y = Math.max(0, Math.min(side - 1, y));
        int x0 = (int) x;
        int y0 = (int) y;
        int x1 = Math.min(side - 1, x0 + 1);
        int y1 = Math.min(side - 1, y0 + 1);
        double fx = x - x0;
        double fy = y - y0;
        double top = px(image, base, x0, y0) * (1 - fx) + px(image, base, x1, y0) * fx;
        double bottom = px(image, base, x0, y1) * (1 - fx) + px(image, base, x1, y1) * fx;
        return top * (1 - fy) + bottom * fy;
    }

    private int px(byte[] image, int base, int x, int y) {
        return image[base + y * side + x] & 0xff;
    }

    private static double uniform(Random random, double max) {
        return (random.nextDouble() * 2 - 1) * max;
    }
}
