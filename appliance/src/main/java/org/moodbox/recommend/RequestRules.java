package org.moodbox.recommend;

import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.moodbox.catalog.PlayTally;

/**
 * One request's hard rules and bonuses over a {@link FeatureIndex}: which positions may be picked (excluded
 * artists, explicit, the no-repeat window, not the previous artist, not already in this list) and how much
 * favourites and feedback add to a track's score. Built per request from small inputs (history, settings),
 * so its cost does not grow with the catalog.
 */
final class RequestRules implements NearestSearch.Bonus {
    private final FeatureIndex pool;
    private final TrackFilter filter;
    private final BitSet excludedArtists = new BitSet();
    private final Set<Integer> blocked = new HashSet<>();
    private final Map<Integer, Double> trackBonus = new HashMap<>();
    /** Only artists with a bonus: a dense array would cost megabytes per request at a million tracks. */
    private final Map<Integer, Double> artistBonus = new HashMap<>();
    private final int[] boosted;
    private int lastArtist = -1;

    RequestRules(FeatureIndex pool, TrackFilter filter, PlayHistory history, int window) {
        this.pool = pool;
        this.filter = filter;
        for (String name : filter.excludedArtists()) {
            int a = pool.artistId(name);
            if (a >= 0) {
                excludedArtists.set(a);
            }
        }
        blockRecent(history.recentTrackIds(), window);
        Set<Integer> boostedSet = new HashSet<>();
        applyFeedback(history.tallies(), boostedSet);
        for (String name : filter.favouriteArtists()) {
            int a = pool.artistId(name);
            if (a >= 0) {
                artistBonus.merge(a, FeedbackWeights.FAVOURITE, Double::sum);
                for (int p : pool.positionsOfArtist(a)) {
                    boostedSet.add(p);
                }
            }
        }
        boosted = boostedSet.stream().filter(p -> of(p) > 0).mapToInt(Integer::intValue).toArray();
    }

    /**
     * Blocks the window's tracks, and remembers the last played track's artist. In a small library the
     * window shrinks to half the pool, so twenty plays of a sixteen-song album never leave it silent.
     */
    private void blockRecent(List<Long> recent, int window) {
        int effective = Math.min(Math.min(window, recent.size()), pool.size / 2);
        for (int i = 0; i < effective; i++) {
            int p = pool.positionOf(recent.get(i));
            if (p >= 0) {
                blocked.add(p);
            }
        }
        if (!recent.isEmpty()) {
            int p = pool.positionOf(recent.get(0));
            lastArtist = p >= 0 ? pool.artistId[p] : -1;
        }
    }

    private void applyFeedback(List<PlayTally> tallies, Set<Integer> boostedSet) {
        Map<Integer, Double> artistRaw = new HashMap<>();
        for (PlayTally t : tallies) {
            int p = pool.positionOf(t.trackId());
            if (p < 0) {
                continue;
            }
            double raw = FeedbackWeights.raw(t);
            trackBonus.put(p, FeedbackWeights.track(raw));
            artistRaw.merge(pool.artistId[p], raw, Double::sum);
            boostedSet.add(p);
        }
        for (Map.Entry<Integer, Double> e : artistRaw.entrySet()) {
            double w = FeedbackWeights.artist(e.getValue());
            artistBonus.merge(e.getKey(), w, Double::sum);
            if (w > 0) {
                for (int p : pool.positionsOfArtist(e.getKey())) {
                    boostedSet.add(p);
                }
            }
        }
    }

    boolean accepts(int p) {
        if (blocked.contains(p) || excludedArtists.get(pool.artistId[p])) {
            return false;
        }
        if (!filter.allowExplicit() && pool.explicit[p]) {
            return false;
        }
        return filter.namesAnArtist() || pool.artistId[p] != lastArtist;
    }

    /** A pick joins this list: never again in it, and its artist not next. */
    void picked(int p) {
        blocked.add(p);
        lastArtist = pool.artistId[p];
    }

    @Override
    public double of(int p) {
        double b = 0;
        if (!artistBonus.isEmpty()) {
            Double a = artistBonus.get(pool.artistId[p]);
            if (a != null) {
                b += a;
            }
        }
        if (!trackBonus.isEmpty()) {
            Double t = trackBonus.get(p);
            if (t != null) {
                b += t;
            }
        }
        return b;
    }

    @Override
    public int[] boosted() {
        return boosted;
    }
}
