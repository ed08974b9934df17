package org.moodbox.models.tfjs;

/** Reorders TensorFlow filter layouts into the ones TFLite kernels expect. */
final class WeightLayouts {
    private WeightLayouts() {
    }

    /** Conv2D filter HWIO {@code [kh,kw,in,out]} to TFLite CONV_2D's OHWI {@code [out,kh,kw,in]}. */
    static float[] hwioToOhwi(float[] hwio, int kh, int kw, int in, int out) {
        float[] ohwi = new float[hwio.length];
        for (int h = 0; h < kh; h++) {
            for (int w = 0; w < kw; w++) {
                for (int i = 0; i < in; i++) {
                    for (int o = 0; o < out; o++) {
                        ohwi[((o * kh + h) * kw + w) * in + i] = hwio[((h * kw + w) * in + i) * out + o];
                    }
                }
            }
        }
        return ohwi;
    }

    /**
     * Depthwise filter {@code [kh,kw,C,M]} to TFLite DEPTHWISE_CONV_2D's {@code [1,kh,kw,C*M]}: output channel
     * {@code c*M+m} in both, so the memory order is already right and only the shape changes.
     */
    static float[] depthwiseToTflite(float[] filter) {
        return filter.clone();
    }
}
