package org.moodbox.models.tflite;

import org.tensorflow.lite.schema.QuantizationParametersT;

/**
 * Affine quantization of one tensor: {@code real = scale * (q - zeroPoint)}. One scale per tensor, or one
 * per channel along {@code channelAxis} (per-channel int8 convolution weights put it on the output axis).
 * The float models written today carry none; int8 export fills these in.
 */
public record Quantization(float[] scales, long[] zeroPoints, int channelAxis) {

    public Quantization {
        if (scales.length == 0 || scales.length != zeroPoints.length) {
            throw new IllegalArgumentException("need one zero point per scale, got " + scales.length + " scales and "
                    + zeroPoints.length + " zero points");
        }
        scales = scales.clone();
        zeroPoints = zeroPoints.clone();
    }

    public static Quantization perTensor(float scale, long zeroPoint) {
        return new Quantization(new float[] {scale}, new long[] {zeroPoint}, 0);
    }

    public static Quantization perChannel(float[] scales, int channelAxis) {
        return new Quantization(scales, new long[scales.length], channelAxis);
    }

    QuantizationParametersT toSchema() {
        QuantizationParametersT t = new QuantizationParametersT();
        t.setScale(scales.clone());
        t.setZeroPoint(zeroPoints.clone());
        t.setQuantizedDimension(channelAxis);
        return t;
    }
}
