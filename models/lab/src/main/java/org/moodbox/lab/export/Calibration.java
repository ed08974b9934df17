package org.moodbox.lab.export;

import java.util.ArrayList;
import java.util.List;
import org.moodbox.lab.data.Preprocessing;
import org.moodbox.models.fer.FerSet;
import org.moodbox.models.quantize.CalibrationSample;

/**
 * Calibration inputs for the int8 quantizer: training faces spread evenly over the kept rows (every class
 * and lighting the network saw), preprocessed exactly as the appliance feeds them. Never test faces, so
 * the int8 model's test accuracy stays an honest measurement.
 */
public final class Calibration {
    private Calibration() {
    }

    public static List<CalibrationSample> samples(FerSet train, int[] rows, int count) {
        int n = Math.min(count, rows.length);
        int side = train.rows();
        int pixels = train.imageSize();
        List<CalibrationSample> samples = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            int r = rows[(int) ((long) k * rows.length / n)];
            float[] input = new float[pixels];
            Preprocessing.plain(train.pixels(), r * pixels, pixels, input, 0);
            samples.add(CalibrationSample.of(new int[] {1, side, train.cols(), 1}, input));
        }
        return samples;
    }
}
