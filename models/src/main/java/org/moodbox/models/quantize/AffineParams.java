package org.moodbox.models.quantize;

/**
 * Int8 affine parameters of one activation tensor, {@code real = scale * (q - zeroPoint)}, from a calibrated
 * range. The range always contains zero (zero-padding and ReLU must be exact), and its ends are rounded
 * outward to 10 significant bits so that the last-bit differences between float kernels (XNNPACK on x86
 * and on arm64) do not change the model's bytes: the build stays reproducible.
 */
record AffineParams(float scale, int zeroPoint) {
    static final int QMIN = -128;
    static final int QMAX = 127;

    static AffineParams ofRange(float min, float max) {
        double lo = roundOutward(Math.min(min, 0f), false);
        double hi = roundOutward(Math.max(max, 0f), true);
        if (hi - lo < 1e-12) {
            hi = lo + 1e-6; // a tensor that is always zero still needs a positive scale
        }
        float scale = (float) ((hi - lo) / (QMAX - QMIN));
        int zeroPoint = (int) Math.round(QMIN - lo / scale);
        return new AffineParams(scale, Math.max(QMIN, Math.min(QMAX, zeroPoint)));
    }

    byte quantize(float v) {
        long q = Math.round(v / scale) + zeroPoint;
        return (byte) Math.max(QMIN, Math.min(QMAX, q));
    }

    private static double roundOutward(double v, boolean up) {
        if (v == 0) {
            return 0;
        }
        double step = Math.pow(2, Math.getExponent(v) - 10);
        return (up ? Math.ceil(v / step) : Math.floor(v / step)) * step;
    }
}
