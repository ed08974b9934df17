package org.moodbox.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.moodbox.model.Features;
import org.moodbox.model.MoodPoint;
import org.moodbox.recommend.PerceivedMood;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Fits and checks the perceived-mood model ({@link PerceivedMood}) on mood-labelled music, and prints the
 * coefficients that {@code PerceivedMood} carries, so the numbers in the code can be reproduced.
 *
 * <p>Labels are moods, not ratings: each labelled track is asked to land at its mood's point of
 * {@link MoodPoint} (Warriner-scale valence and arousal).
 * <ul>
 *   <li>{@code data_moods_686.csv.gz}: Happy, Sad, Calm, Energetic (happy, sad, calm, energetic points).</li>
 *   <li>TidyTuesday {@code spotify_songs}: tracks of playlists whose names carry a mood word: sad; happy;
 *       chill, lofi, lounge, soft (chill); workout, gym (energetic, arousal only); party (energetic); dark.</li>
 * </ul>
 * Every (table, mood) group weighs the same, so 1,000 workout tracks do not drown 90 sad ones. Each output is
 * a weighted ridge regression (lambda {@value #RIDGE} per unit weight), then stretched so that the groups'
 * mean predictions sit on their points in the least-squares sense: the regression alone pulls every group
 * toward the middle, and the targets are absolute. Cross-validation: 5 folds, the 686 table by row, the
 * playlists by playlist (a playlist is never in training and test at once).
 */
@Command(name = "mood-model", mixinStandardHelpOptions = true,
        description = {"Fits the perceived-mood model on mood-labelled tables, prints cross-validated figures and",
                "the coefficients PerceivedMood carries.",
                "  moodbox eval mood-model --tables DIR   (DIR holds data_moods_686.csv.gz and",
                "                                          tidytuesday_2020-01-21_spotify_songs.csv.gz)"})
public final class EvalMoodModel implements Callable<Integer> {
    static final double RIDGE = 0.05;
    static final int FOLDS = 5;
    /**
     * Groups whose word says how active the music is but nothing about how pleasant it sounds; they teach
     * arousal only. "Energetic" and "workout" name energy, and workout music is as often grim as cheerful
     * (hard rock and gangster rap workouts): put at energetic's .81, the fit learned "loud means happy" and
     * left no room for angry music. (Calm and chill do speak for valence, at their points: leaving them out
     * made every quiet song read desperately sad, and calm music unreachable in any library.)
     */
    static final java.util.Set<String> AROUSAL_ONLY = java.util.Set.of("686 Energetic", "playlist workout");

    @Option(names = "--tables", required = true, paramLabel = "DIR", description = "the shared music tables folder")
    Path tables;

    @Spec
    CommandSpec spec;

    /** One labelled track. {@code group} names its table and mood, {@code fold} its cross-validation fold. */
    record Example(Features features, MoodPoint mood, String group, int fold) {
        /** Whether the group's word says how pleasant the music is, not only how active (see {@link #AROUSAL_ONLY}). */
        boolean saysValence() {
            return !AROUSAL_ONLY.contains(group);
        }
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        List<Example> examples = new ArrayList<>();
        examples.addAll(MoodLabelledTables.moods686(tables.resolve("data_moods_686.csv.gz")));
        examples.addAll(MoodLabelledTables.playlists(tables.resolve("tidytuesday_2020-01-21_spotify_songs.csv.gz")));
        Map<String, Integer> counts = new LinkedHashMap<>();
        examples.forEach(e -> counts.merge(e.group(), 1, Integer::sum));
        out.println("labelled tracks per group: " + counts);
        for (boolean full : new boolean[] {true, false}) {
            String name = full ? "FULL" : "BASIC";
            String[] inputs = full ? PerceivedMood.FULL_INPUTS : PerceivedMood.BASIC_INPUTS;
            out.println();
            out.println("== " + name + " model, inputs " + String.join(", ", inputs));
            List<double[]> heldOut = new ArrayList<>(examples.size());
            for (int i = 0; i < examples.size(); i++) {
                heldOut.add(null);
            }
            for (int k = 0; k < FOLDS; k++) {
                int fold = k;
                double[][] c = fit(examples.stream().filter(e -> e.fold() != fold).toList(), full);
                for (int i = 0; i < examples.size(); i++) {
                    if (examples.get(i).fold() == fold) {
                        PerceivedMood.Point p = PerceivedMood.of(examples.get(i).features(), c);
                        heldOut.set(i, new double[] {p.valence(), p.arousal()});
                    }
                }
            }
            List<double[]> raw = examples.stream()
                    .map(e -> new double[] {e.features().valence(), e.features().energy()}).toList();
            report(out, "cross-validated (5 folds)", examples, heldOut);
            report(out, "baseline: Spotify valence and energy as they are", examples, raw);
            double[][] c = fit(examples, full);
            out.println("coefficients fitted on all labelled tracks (paste into PerceivedMood." + name + "):");
            out.println("            {" + joined(c[0]) + "},");
            out.println("            {" + joined(c[1]) + "}};");
        }
        out.flush();
        return 0;
    }

    private static void report(PrintWriter out, String title, List<Example> examples, List<double[]> points) {
        out.println("-- " + title);
        Map<String, double[]> sums = new LinkedHashMap<>();
        for (int i = 0; i < examples.size(); i++) {
            double[] s = sums.computeIfAbsent(examples.get(i).group(), g -> new double[4]);
            s[0] += points.get(i)[0];
            s[1] += points.get(i)[1];
            s[2] += examples.get(i).mood().distanceTo(points.get(i)[0], points.get(i)[1]);
            s[3]++;
        }
        out.printf(Locale.ROOT, "   %-22s %6s %6s %9s %9s %8s%n", "group", "V", "A", "target V", "target A", "dist");
        for (Map.Entry<String, double[]> e : sums.entrySet()) {
            double[] s = e.getValue();
            MoodPoint m = examples.stream().filter(x -> x.group().equals(e.getKey())).findFirst().orElseThrow().mood();
            out.printf(Locale.ROOT, "   %-22s %6.3f %6.3f %9.2f %9.2f %8.3f%n", e.getKey(), s[0] / s[3], s[1] / s[3],
                    m.valence(), m.arousal(), s[2] / s[3]);
        }
        double groupDistance = sums.values().stream().mapToDouble(x -> x[2] / x[3]).average().orElseThrow();
        out.printf(Locale.ROOT, "   mean distance to the label's point (groups weighted equally): %.3f%n", groupDistance);
        MoodPoint[] four = {MoodPoint.HAPPY, MoodPoint.SAD, MoodPoint.CALM, MoodPoint.ENERGETIC};
        int right = 0;
        int n = 0;
        for (int i = 0; i < examples.size(); i++) {
            if (!examples.get(i).group().startsWith("686")) {
                continue;
            }
            double[] p = points.get(i);
            MoodPoint nearest = four[0];
            for (MoodPoint m : four) {
                if (m.distanceTo(p[0], p[1]) < nearest.distanceTo(p[0], p[1])) {
                    nearest = m;
                }
            }
            right += nearest == examples.get(i).mood() ? 1 : 0;
            n++;
        }
        double[] groupWeights = weights(examples);
        out.printf(Locale.ROOT, "   686 table, nearest of the 4 points is the label: %.1f%% (%d/%d; largest class 28.7%%)%n",
                100.0 * right / n, right, n);
        out.printf(Locale.ROOT, "   correlation with the label's point (groups weighted equally): valence %.3f, arousal %.3f%n",
                correlation(examples, points, groupWeights, 0), correlation(examples, points, groupWeights, 1));
        out.printf(Locale.ROOT, "   happy minus sad, mean valence: 686 %.3f, playlists %.3f%n",
                mean(examples, points, "686 Happy", 0) - mean(examples, points, "686 Sad", 0),
                mean(examples, points, "playlist happy", 0) - mean(examples, points, "playlist sad", 0));
    }

    private static double mean(List<Example> examples, List<double[]> points, String group, int axis) {
        double s = 0;
        int n = 0;
        for (int i = 0; i < examples.size(); i++) {
            if (examples.get(i).group().equals(group)) {
                s += points.get(i)[axis];
                n++;
            }
        }
        return s / n;
    }

    private static double correlation(List<Example> examples, List<double[]> points, double[] w, int axis) {
        double sw = 0;
        double sx = 0;
        double sy = 0;
        for (int i = 0; i < examples.size(); i++) {
            sw += w[i];
            sx += w[i] * points.get(i)[axis];
            sy += w[i] * target(examples.get(i).mood(), axis);
        }
        double mx = sx / sw;
        double my = sy / sw;
        double cxy = 0;
        double cxx = 0;
        double cyy = 0;
        for (int i = 0; i < examples.size(); i++) {
            double dx = points.get(i)[axis] - mx;
            double dy = target(examples.get(i).mood(), axis) - my;
            cxy += w[i] * dx * dy;
            cxx += w[i] * dx * dx;
            cyy += w[i] * dy * dy;
        }
        return cxy / Math.sqrt(cxx * cyy);
    }

    private static double target(MoodPoint m, int axis) {
        return axis == 0 ? m.valence() : m.arousal();
    }

    /** Each example's weight: every group weighs 1 in all. */
    private static double[] weights(List<Example> examples) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        examples.forEach(e -> counts.merge(e.group(), 1, Integer::sum));
        double[] w = new double[examples.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = 1.0 / counts.get(examples.get(i).group());
        }
        return w;
    }

    /** Ridge regression per output, then the stretch that puts the groups' mean predictions on their points. */
    static double[][] fit(List<Example> examples, boolean full) {
        double[] w = weights(examples);
        int d = (full ? PerceivedMood.FULL_INPUTS : PerceivedMood.BASIC_INPUTS).length;
        double[][] x = new double[examples.size()][];
        for (int i = 0; i < x.length; i++) {
            x[i] = PerceivedMood.inputs(examples.get(i).features(), full);
        }
        double[][] result = new double[2][];
        for (int axis = 0; axis < 2; axis++) {
            double[][] a = new double[d][d];
            double[] b = new double[d];
            double totalWeight = 0;
            for (int i = 0; i < x.length; i++) {
                if (axis == 0 && !examples.get(i).saysValence()) {
                    continue;
                }
                double y = target(examples.get(i).mood(), axis);
                totalWeight += w[i];
                for (int r = 0; r < d; r++) {
                    b[r] += w[i] * x[i][r] * y;
                    for (int c = 0; c < d; c++) {
                        a[r][c] += w[i] * x[i][r] * x[i][c];
                    }
                }
            }
            for (int r = 1; r < d; r++) {
                a[r][r] += RIDGE * totalWeight; // not the intercept
            }
            if (axis == 0) {
                for (int r = 0; r < d; r++) {
                    if (!PerceivedMood.valenceReads(r, full)) { // an input valence leaves out: coefficient 0
                        java.util.Arrays.fill(a[r], 0);
                        for (int c = 0; c < d; c++) {
                            a[c][r] = 0;
                        }
                        a[r][r] = 1;
                        b[r] = 0;
                    }
                }
            }
            double[] coef = solve(a, b);
            result[axis] = stretch(coef, examples, x, w, axis);
        }
        for (double[] row : result) {
            for (int i = 0; i < row.length; i++) {
                row[i] = Math.round(row[i] * 1000) / 1000.0;
            }
        }
        return result;
    }

    /** target ~ a + b * (group mean prediction), least squares over the groups; folded into the coefficients. */
    private static double[] stretch(double[] coef, List<Example> examples, double[][] x, double[] w, int axis) {
        Map<String, double[]> groups = new LinkedHashMap<>();
        for (int i = 0; i < x.length; i++) {
            if (axis == 0 && !examples.get(i).saysValence()) {
                continue;
            }
            double[] g = groups.computeIfAbsent(examples.get(i).group(), k -> new double[3]);
            double p = 0;
            for (int c = 0; c < coef.length; c++) {
                p += coef[c] * x[i][c];
            }
            g[0] += w[i] * p;
            g[1] += w[i] * target(examples.get(i).mood(), axis);
            g[2] += w[i];
        }
        double mp = 0;
        double mt = 0;
        for (double[] g : groups.values()) {
            mp += g[0] / g[2] / groups.size();
            mt += g[1] / g[2] / groups.size();
        }
        double spp = 0;
        double spt = 0;
        for (double[] g : groups.values()) {
            spp += (g[0] / g[2] - mp) * (g[0] / g[2] - mp);
            spt += (g[0] / g[2] - mp) * (g[1] / g[2] - mt);
        }
        double slope = spt / spp;
        double[] out = new double[coef.length];
        for (int c = 0; c < coef.length; c++) {
            out[c] = slope * coef[c];
        }
        out[0] += mt - slope * mp;
        return out;
    }

    /** Gaussian elimination with partial pivoting; the systems are at most 8 x 8. */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][n + 1];
        for (int r = 0; r < n; r++) {
            System.arraycopy(a[r], 0, m[r], 0, n);
            m[r][n] = b[r];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            double[] t = m[col];
            m[col] = m[pivot];
            m[pivot] = t;
            for (int r = 0; r < n; r++) {
                if (r != col) {
                    double f = m[r][col] / m[col][col];
                    for (int c = col; c <= n; c++) {
                        m[r][c] -= f * m[col][c];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int r = 0; r < n; r++) {
            x[r] = m[r][n] / m[r][r];
        }
        return x;
    }

    private static String joined(double[] row) {
        StringBuilder s = new StringBuilder();
        for (double v : row) {
            s.append(s.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3f", v));
        }
        return s.toString();
    }
}
