package org.moodbox.recommend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.moodbox.catalog.Track;
import org.moodbox.mood.Mood;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ranks catalog tracks by how close they sit to the mood on the valence/energy plane.
 *
 * <p>The mood's (valence, arousal), 0..1 each, is read as a target percentile among the candidate tracks
 * (those that pass the filter and have features): happy (V .93, A .63) aims at the brightest 7% with
 * energy above 63% of the others. Ranking within the candidates, not the whole catalog, keeps the targets
 * meaningful when a filter leaves a small or skewed pool. Score = 1 - euclidean distance / sqrt(2), so 1 is
 * a perfect fit and 0 the opposite corner.
 *
 * <p>Diversity: never the same artist twice in a row, unless the listener asked for one artist.
 */
public final class MoodRecommender implements Recommender {
    private static final Logger log = LoggerFactory.getLogger(MoodRecommender.class);

    private final Supplier<List<Track>> tracks;
    private final TrackFilter filter;
    private final Strategy strategy;

    /** @param tracks where the candidates come from, read on every call (for example {@code catalog::allTracks}) */
    public MoodRecommender(Supplier<List<Track>> tracks, TrackFilter filter, Strategy strategy) {
        this.tracks = Objects.requireNonNull(tracks);
        this.filter = Objects.requireNonNull(filter);
        this.strategy = Objects.requireNonNull(strategy);
    }

    private record Candidate(Track track, double valencePercentile, double energyPercentile, double score) {
    }

    @Override
    public List<Recommendation> recommend(Mood mood, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        List<Track> pool = tracks.get().stream().filter(t -> t.features() != null).filter(filter::accepts).toList();
        if (pool.isEmpty()) {
            log.info("no candidate tracks ({}); nothing to recommend", filter);
            return List.of();
        }
        double[] valence = PercentileIndex.of(pool, t -> t.features().valence());
        double[] energy = PercentileIndex.of(pool, t -> t.features().energy());
        double targetValence = mood.valence();
        double targetEnergy = mood.arousal();
        List<Candidate> ranked = new ArrayList<>(pool.size());
        for (int i = 0; i < pool.size(); i++) {
            double distance = Math.hypot(valence[i] - targetValence, energy[i] - targetEnergy);
            ranked.add(new Candidate(pool.get(i), valence[i], energy[i], 1 - distance / Math.sqrt(2)));
        }
        // Ties broken by id so the same catalog and mood always give the same list.
        ranked.sort(Comparator.comparingDouble(Candidate::score).reversed()
                .thenComparingLong(c -> c.track().id()));
        return pickDiverse(ranked, mood, limit);
    }

    private List<Recommendation> pickDiverse(List<Candidate> ranked, Mood mood, int limit) {
        List<Recommendation> picks = new ArrayList<>(limit);
        List<Candidate> rest = new ArrayList<>(ranked);
        String lastArtist = null;
        while (picks.size() < limit && !rest.isEmpty()) {
            int chosen = -1;
            for (int i = 0; i < rest.size(); i++) {
                if (filter.namesAnArtist() || !sameArtist(rest.get(i).track().artist(), lastArtist)) {
                    chosen = i;
                    break;
                }
            }
            if (chosen < 0) {
                break; // only the last artist is left: a shorter list beats a repeat
            }
            Candidate c = rest.remove(chosen);
            picks.add(new Recommendation(c.track(), round(c.score()),
                    ReasonWriter.reason(c.valencePercentile(), c.energyPercentile(), mood)));
            lastArtist = c.track().artist();
        }
        return picks;
    }

    private static boolean sameArtist(String a, String b) {
        return a != null && b != null && a.equalsIgnoreCase(b);
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }

    public Strategy strategy() {
        return strategy;
    }
}
