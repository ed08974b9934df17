package org.moodbox.recommend;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.moodbox.model.Mood;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A recommender that first tells the {@link OnlineSource}s what is wanted, then ranks what the
 * catalog holds now. The sources answer later, into the catalog; this request never waits for them.
 */
public final class SourcedRecommender implements Recommender {
    private static final Logger LOG = LoggerFactory.getLogger(SourcedRecommender.class);

    private final Recommender ranking;
    private final Supplier<TrackFilter> filters;
    private final List<OnlineSource> sources;

    public SourcedRecommender(Recommender ranking, Supplier<TrackFilter> filters, List<OnlineSource> sources) {
        this.ranking = Objects.requireNonNull(ranking);
        this.filters = Objects.requireNonNull(filters);
        this.sources = List.copyOf(sources);
    }

    @Override
    public List<Recommendation> recommend(Mood mood, int limit) {
        TrackFilter filter = filters.get();
        for (OnlineSource source : sources) {
            try {
                source.wanted(mood, filter);
            } catch (RuntimeException e) {
                // A source's bug must not cost the listener the local library's cards.
                LOG.warn("candidate source {} failed; ranking the catalog without it", source.kind(), e);
            }
        }
        return ranking.recommend(mood, limit);
    }

    public List<OnlineSource> sources() {
        return sources;
    }
}
