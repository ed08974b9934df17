package org.moodbox.recommend;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Finds the best-scoring acceptable track for a target on a {@link FeatureIndex}, scanning grid rings
 * outward from the target's cell and stopping as soon as no unvisited cell could beat the best so far.
 *
 * <p>Score = fit + bonus, fit = 1 - distance / sqrt(2) on the perceived plane, distance as the target
 * weighs it ({@link MoodTargets.Point#distance}). Bonuses (favourite artists,
 * likes) can lift a far track above a near one, which would break the ring bound; so tracks with a positive
 * bonus are few and scored first from their own list, and the ring scan only meets tracks with bonus <= 0,
 * for which fit is an upper bound. Ties go to the lower track id so a request is repeatable.
 */
final class NearestSearch {
    private static final double SQRT2 = Math.sqrt(2);

    /** Bonus per position; {@link #boosted()} lists every position whose bonus is positive. */
    interface Bonus {
        double of(int position);

        int[] boosted();
    }

    private final FeatureIndex index;

    NearestSearch(FeatureIndex index) {
        this.index = index;
    }

    /** Best position and its score; position -1 when nothing is acceptable. */
    record Hit(int position, double score, double fit) {
    }

    Hit best(MoodTargets.Point target, IntPredicate accept, Bonus bonus) {
        List<Hit> hits = nearest(target, 1, accept, bonus);
        return hits.isEmpty() ? new Hit(-1, Double.NEGATIVE_INFINITY, 0) : hits.get(0);
    }

    /**
     * The {@code k} best-scoring acceptable positions, best first (fewer when fewer are acceptable). The ring
     * scan stops once no unvisited cell could beat the k-th best so far.
     */
    List<Hit> nearest(MoodTargets.Point target, int k, IntPredicate accept, Bonus bonus) {
        return nearest(target, k, accept, bonus, null);
    }

    /**
     * A disc the acceptable tracks all lie in (a lift's "no further from the goal than the last track"): cells
     * outside it are skipped, and the scan ends once it has covered it, even with fewer than k hits; without
     * it, a rule that leaves fewer than k acceptable tracks would make every search scan the whole library.
     */
    record Disc(double valence, double arousal, double radius) {
    }

    List<Hit> nearest(MoodTargets.Point target, int k, IntPredicate accept, Bonus bonus, Disc within) {
        TopK top = new TopK(k);
        for (int p : bonus.boosted()) {
            if (accept.test(p)) {
                double fit = fit(p, target);
                top.offer(p, fit + bonus.of(p), fit);
            }
        }
        int g = index.grid;
        int cx = index.column(target.valence());
        int cy = index.row(target.arousal());
        for (int r = 0; r <= g; r++) {
            if (within != null && r > 0 && covers(cx, cy, r - 1, within)) {
                break; // every cell the disc touches has been scanned
            }
            if (r > 0) {
                double unvisited = distanceOutsideBlock(target, cx, cy, r - 1);
                if (Double.isInfinite(unvisited)) {
                    break; // the block covers the whole grid
                }
                if (top.full() && 1 - unvisited / SQRT2 < top.worstScore()) {
                    break;
                }
            }
            for (int y = cy - r; y <= cy + r; y++) {
                if (y < 0 || y >= g) {
                    continue;
                }
                boolean edgeRow = y == cy - r || y == cy + r;
                for (int x = cx - r; x <= cx + r; x += edgeRow ? 1 : 2 * r) {
                    if (x >= 0 && x < g) {
                        int c = x + g * y;
                        if (top.full() && 1 - boxDistance(c, target) / SQRT2 < top.worstScore()
                                || within != null && boxDistance(c, within.valence(), within.arousal(), 1)
                                > within.radius()) {
                            if (r == 0) {
                                break;
                            }
                            continue; // no track in this cell could make the top k (empty cells land here too)
                        }
                        for (int p = index.cellStart[c]; p < index.cellStart[c + 1]; p++) {
                            double b = bonus.of(p);
                            if (b > 0) {
                                continue;
                            }
                            // The rival penalty only adds: a track whose unpenalised fit cannot make the top k
                            // is dropped before the penalty (six square roots) and the rules are paid for.
                            if (top.full() && 1 - target.weightedDistance(index.valence[p], index.arousal[p]) / SQRT2
                                    + b < top.worstScore()) {
                                continue;
                            }
                            if (!accept.test(p)) {
                                continue;
                            }
                            double fit = fit(p, target);
                            top.offer(p, fit + b, fit);
                        }
                    }
                    if (r == 0) {
                        break;
                    }
                }
            }
        }
        return top.sorted();
    }

    /** The k best hits so far, kept sorted (k is a few dozen: insertion beats a heap). */
    private final class TopK {
        private final int k;
        private final List<Hit> hits = new ArrayList<>();

        TopK(int k) {
            this.k = Math.max(1, k);
        }

        boolean full() {
            return hits.size() >= k;
        }

        double worstScore() {
            return hits.get(hits.size() - 1).score();
        }

        void offer(int p, double score, double fit) {
            if (full()) {
                Hit worst = hits.get(hits.size() - 1);
                if (!better(score, p, worst.score(), worst.position())) {
                    return;
                }
                hits.remove(hits.size() - 1);
            }
            int i = hits.size();
            while (i > 0 && better(score, p, hits.get(i - 1).score(), hits.get(i - 1).position())) {
                i--;
            }
            hits.add(i, new Hit(p, score, fit));
        }

        List<Hit> sorted() {
            return hits;
        }
    }

    /** Weighted distance from the target to the box the cell's tracks span: no track in it is nearer. */
    private double boxDistance(int c, MoodTargets.Point t) {
        return boxDistance(c, t.valence(), t.arousal(), t.arousalWeight());
    }

    private double boxDistance(int c, double v, double a, double arousalWeight) {
        double[] box = index.cellBox;
        if (box[4 * c] > box[4 * c + 1]) {
            return Double.POSITIVE_INFINITY; // empty
        }
        double dv = Math.max(0, Math.max(box[4 * c] - v, v - box[4 * c + 1]));
        double da = Math.max(0, Math.max(box[4 * c + 2] - a, a - box[4 * c + 3]));
        return Math.sqrt(dv * dv + arousalWeight * da * da);
    }

    /** Whether the block of cells within {@code half} of (cx, cy) holds every cell the disc reaches. */
    private boolean covers(int cx, int cy, int half, Disc d) {
        return index.column(d.valence() - d.radius()) >= cx - half && index.column(d.valence() + d.radius()) <= cx + half
                && index.row(d.arousal() - d.radius()) >= cy - half && index.row(d.arousal() + d.radius()) <= cy + half;
    }

    private double fit(int p, MoodTargets.Point target) {
        return 1 - target.distance(index.valence[p], index.arousal[p]) / SQRT2;
    }

    private boolean better(double score, int p, double bestScore, int best) {
        return score > bestScore || (score == bestScore && best >= 0 && index.tracks[p].id() < index.tracks[best].id());
    }

    /**
     * Smallest distance from the target to any point outside the block of cells within {@code half} columns
     * and rows of its own cell (an arousal gap counts with the target's weight, which is at least 1). Sides of
     * the block at the grid's edge have nothing beyond them and do not count; infinity when the block already
     * covers the grid.
     */
    private double distanceOutsideBlock(MoodTargets.Point t, int cx, int cy, int half) {
        int g = index.grid;
        double w = Math.sqrt(t.arousalWeight());
        double d = Double.POSITIVE_INFINITY;
        if (cx - half > 0) {
            d = Math.min(d, t.valence() - index.valenceEdges[cx - half]);
        }
        if (cx + half < g - 1) {
            d = Math.min(d, index.valenceEdges[cx + half + 1] - t.valence());
        }
        if (cy - half > 0) {
            d = Math.min(d, w * (t.arousal() - index.arousalEdges[cy - half]));
        }
        if (cy + half < g - 1) {
            d = Math.min(d, w * (index.arousalEdges[cy + half + 1] - t.arousal()));
        }
        return Math.max(0, d);
    }
}
