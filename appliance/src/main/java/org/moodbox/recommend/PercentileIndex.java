package org.moodbox.recommend;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Rank-normalised positions (0..1) of values within a list: 0.8 means "higher than 80% of the others".
 * Ties share their mean rank. Used so mood targets mean "top 20% energy of what we can offer" rather
 * than an absolute number that a skewed catalog (median Spotify energy 0.72 in TidyTuesday) would
 * mostly fail to reach or overshoot.
 *
 * <p>Primitive sort plus two binary searches per value: a million tracks rank in well under a second,
 * and this runs once per catalog snapshot, never per request.
 */
final class PercentileIndex {
    private PercentileIndex() {
    }

    static <T> double[] of(List<T> items, ToDoubleFunction<T> value) {
        int n = items.size();
        double[] result = new double[n];
        if (n == 0) {
            return result;
        }
        if (n == 1) {
            result[0] = 0.5;
            return result;
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = value.applyAsDouble(items.get(i));
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < n; i++) {
            int first = firstIndexOf(sorted, values[i]);
            int last = lastIndexOf(sorted, values[i]);
            result[i] = (first + last) / 2.0 / (n - 1);
        }
        return result;
    }

    private static int firstIndexOf(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int lastIndexOf(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (sorted[mid] > v) {
                hi = mid - 1;
            } else {
                lo = mid;
            }
        }
        return lo;
    }
}
