package org.moodbox.models.quantize;

import java.util.Arrays;
import java.util.List;

/**
 * The smallest and largest value every activation tensor took while the float model ran the calibration
 * samples in the TFLite interpreter. The graph is written with every activation as an output so the
 * interpreter keeps each in its own memory; indices are those of the {@link FloatGraph}.
 */
final class ActivationRanges {
    private final float[] min;
    private final float[] max;

    private ActivationRanges(float[] min, float[] max) {
        this.min = min;
        this.max = max;
    }

    static ActivationRanges calibrate(FloatGraph graph, List<CalibrationSample> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("calibration needs at least one sample");
        }
        int n = graph.tensors.size();
        float[] min = new float[n];
        float[] max = new float[n];
        Arrays.fill(min, Float.POSITIVE_INFINITY);
        Arrays.fill(max, Float.NEGATIVE_INFINITY);
        try (TfliteRunner runner = new TfliteRunner(graph.write(true))) {
            for (CalibrationSample sample : samples) {
                if (sample.inputs().size() != graph.inputs.length) {
                    throw new IllegalArgumentException("the model has " + graph.inputs.length + " input(s), a sample has "
                            + sample.inputs().size());
                }
                for (int i = 0; i < graph.inputs.length; i++) {
                    widen(min, max, graph.inputs[i], sample.inputs().get(i).values());
                }
                runner.run(sample);
                for (FloatGraph.Op op : graph.ops) {
                    for (int out : op.outputs()) {
                        widen(min, max, out, runner.floats(out));
                    }
                }
            }
        }
        return new ActivationRanges(min, max);
    }

    private static void widen(float[] min, float[] max, int tensor, float[] values) {
        float lo = min[tensor];
        float hi = max[tensor];
        for (float v : values) {
            if (!Float.isFinite(v)) {
                throw new IllegalStateException("the float model computed " + v + " in tensor " + tensor
                        + " during calibration; check the calibration inputs' scaling");
            }
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        min[tensor] = lo;
        max[tensor] = hi;
    }

    boolean seen(int tensor) {
        return min[tensor] <= max[tensor];
    }

    float min(int tensor) {
        return min[tensor];
    }

    float max(int tensor) {
        return max[tensor];
    }
}
