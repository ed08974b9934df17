package org.moodbox.models.quantize;

import java.util.Arrays;

/** One float32 input tensor for calibration: its shape (the model's input is resized to it) and values. */
public record FloatTensor(int[] shape, float[] values) {
    public FloatTensor {
        long count = 1;
        for (int d : shape) {
            if (d < 1) {
                throw new IllegalArgumentException("every dimension must be at least 1, got " + Arrays.toString(shape));
            }
            count *= d;
        }
        if (count != values.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + count + " values, got "
                    + values.length);
        }
        shape = shape.clone();
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }
}
