package org.moodbox.recommend;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Rank-normalised positions (0..1) of values within a list: 0.8 means "higher than 80% of the others".
 * Ties share their mean rank. Used so mood targets mean "top 20% energy of what we can offer" rather
 * than an absolute number that a skewed catalog (median Spotify energy 0.72 in TidyTuesday) would
 * mostly fail to reach or overshoot.
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
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        double[] values = items.stream().mapToDouble(value).toArray();
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && values[order[j + 1]] == values[order[i]]) {
                j++;
            }
            double meanRank = (i + j) / 2.0;
            for (int k = i; k <= j; k++) {
                result[order[k]] = meanRank / (n - 1);
            }
            i = j + 1;
        }
        return result;
    }
}
