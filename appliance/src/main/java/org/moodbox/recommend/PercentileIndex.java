package org.moodbox.recommend;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Rank-normalised positions (0..1) of values within a list: 0.8 means "higher than 80% of the others".
 * Ties share their mean rank. Used only to spread a list of cards over tempo ({@link Diversity}); never to
 * place a mood target (targets are absolute points on the perceived scale, {@link MoodTargets}: on a loud
 * catalog the 31st percentile of energy is still loud music).
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
