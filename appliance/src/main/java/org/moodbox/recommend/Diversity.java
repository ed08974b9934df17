package org.moodbox.recommend;

import java.util.List;

/**
 * Spreads a list of cards over the music's character, so eight cards for one mood are not eight versions
 * of the same song: maximal marginal relevance (Carbonell and Goldstein, SIGIR 1998) over the tracks'
 * perceived valence and arousal and their tempo percentile (a percentile only spreads the list, it never
 * moves a target).
 *
 * <p>Each card is chosen among the acceptable tracks whose score is within {@link #TOLERANCE} of the best one
 * for its target (relevance first: a card never strays far from the mood to be different). Among those, the
 * choice maximises score - {@link #WEIGHT} x (likeness to the most similar card already in the list), where
 * likeness = (1 - distance / {@link #RADIUS})^2 for tracks closer than the radius, else 0. Identical
 * features (a remaster, the same song on two albums) cost the full weight; a track a tenth of the catalog
 * away in tempo costs nothing. The first card is always the best match.
 */
final class Diversity {
    /** How many of the nearest tracks are weighed for each card. */
    static final int CANDIDATES = 24;
    /** Largest score a card may give up for variety (score = 1 - distance / sqrt 2 on the perceived plane). */
    static final double TOLERANCE = 0.05;
    /** Penalty for a card identical to one already chosen; larger than the tolerance, so a clone never wins. */
    static final double WEIGHT = 0.1;
    /** Distance (perceived valence, arousal, tempo percentile) beyond which two tracks are not alike at all. */
    static final double RADIUS = 0.15;

    private Diversity() {
    }

    /**
     * @param hits   the nearest acceptable tracks, best score first (not empty)
     * @param chosen positions already in this list
     */
    static NearestSearch.Hit choose(List<NearestSearch.Hit> hits, FeatureIndex pool, List<Integer> chosen) {
        NearestSearch.Hit best = hits.get(0);
        if (chosen.isEmpty()) {
            return best;
        }
        NearestSearch.Hit pick = best;
        double pickValue = Double.NEGATIVE_INFINITY;
        for (NearestSearch.Hit hit : hits) {
            if (hit.score() < best.score() - TOLERANCE) {
                break; // sorted: the rest are further still
            }
            double value = hit.score() - WEIGHT * likeness(pool, hit.position(), chosen);
            if (value > pickValue) {
                pick = hit;
                pickValue = value;
            }
        }
        return pick;
    }

    /** Likeness (0..1) to the most similar chosen track. */
    static double likeness(FeatureIndex pool, int p, List<Integer> chosen) {
        double nearest = Double.POSITIVE_INFINITY;
        for (int q : chosen) {
            double dv = pool.valence[p] - pool.valence[q];
            double de = pool.arousal[p] - pool.arousal[q];
            double dt = pool.tempo[p] - pool.tempo[q];
            nearest = Math.min(nearest, Math.sqrt(dv * dv + de * de + dt * dt));
        }
        if (nearest >= RADIUS) {
            return 0;
        }
        double closeness = 1 - nearest / RADIUS;
        return closeness * closeness;
    }
}
