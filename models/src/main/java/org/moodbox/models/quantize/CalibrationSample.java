package org.moodbox.models.quantize;

import java.util.List;

/** One run of the float model during calibration: a value for each graph input, in the graph's input order. */
public record CalibrationSample(List<FloatTensor> inputs) {
    public CalibrationSample {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("a calibration sample needs a value for each graph input");
        }
        inputs = List.copyOf(inputs);
    }

    /** A sample for a model with a single input. */
    public static CalibrationSample of(int[] shape, float[] values) {
        return new CalibrationSample(List.of(new FloatTensor(shape, values)));
    }
}
