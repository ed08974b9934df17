package org.moodbox.recommend;


import org.moodbox.model.Strategy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.moodbox.model.Track;
import org.moodbox.model.Mood;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ranks catalog tracks by how close they sit to a target on the valence/energy plane.
 *
 * <p>The target comes from the mood and the owner's {@link StrategyPlan} ({@link MoodTargets}): match aims at
 * the mood's (valence, arousal), calm at the calm anchor, lift starts at the mood and moves toward its goal
 * one step per track. Targets are read as percentiles among the candidate tracks (those with features that
 * pass the language and artist filter): happy (V .93, A .63) aims at the brightest 7% with energy above 63%
 * of the others. Ranking within the candidates, not the whole catalog, keeps the targets meaningful when a
 * filter leaves a small or skewed pool. Fit = 1 - euclidean distance / sqrt(2); score = fit plus the
 * {@link FeedbackWeights} bonuses, shown clamped to 0..1.
 *
 * <p>Diversity: never the same artist twice in a row (including the last track played), unless the
 * listener asked for one artist; no track from the last {@link PlayHistory#DEFAULT_WINDOW} plays; and the
 * cards of one list spread over valence, energy and tempo ({@link Diversity}) rather than being near-copies.
 *
 * <p>Scale: the candidate pool is indexed once per catalog snapshot ({@link FeatureIndex}), and each pick is
 * a grid search near its target ({@link NearestSearch}), so a request touches a few thousand tracks, not all.
 *
 * <p>Lift keeps its step count here: each request moves one step on, and a change of mood label starts
 * over at the mood. Within one list, item i aims at step (session step + i), so a list reads as the path.
 */
public final class MoodRecommender implements Recommender {
    private static final Logger log = LoggerFactory.getLogger(MoodRecommender.class);

    private final TrackSource source;
    private final Supplier<TrackFilter> filters;
    private final Supplier<StrategyPlan> plans;
    private final int window;

    private List<Track> indexedTracks;
    private Set<Long> indexedExplicit;
    private TrackFilter indexedFilter;
    private FeatureIndex index;
    private String liftLabel;
    private int liftStep;

    /** One strategy for every mood, no history: @param tracks read on every call (e.g. {@code catalog::allTracks}) */
    public MoodRecommender(Supplier<List<Track>> tracks, TrackFilter filter, Strategy strategy) {
        this(TrackSource.of(tracks), filter, StrategyPlan.always(strategy, StrategyPlan.DEFAULT_LIFT_STEPS),
                PlayHistory.DEFAULT_WINDOW);
    }

    /** @param window how many of the last plays are never repeated */
    public MoodRecommender(TrackSource source, TrackFilter filter, StrategyPlan plan, int window) {
        this(source, fixed(Objects.requireNonNull(filter)), plan, window);
    }

    /**
     * @param filters read once per request, so the owner's saved languages and artists apply to the next cards
     *                (e.g. the owner's settings, which the app follows)
     */
    public MoodRecommender(TrackSource source, Supplier<TrackFilter> filters, StrategyPlan plan, int window) {
        this(source, filters, fixedPlan(Objects.requireNonNull(plan)), window);
    }

    /**
     * @param plans read once per request too, so the owner's strategy per emotion applies to the next cards
     *              (e.g. the owner's settings, which the app follows)
     */
    public MoodRecommender(TrackSource source, Supplier<TrackFilter> filters, Supplier<StrategyPlan> plans,
                           int window) {
        this.source = Objects.requireNonNull(source);
        this.filters = Objects.requireNonNull(filters);
        this.plans = Objects.requireNonNull(plans);
        if (window < 0) {
            throw new IllegalArgumentException("the no-repeat window cannot be negative: " + window);
        }
        this.window = window;
    }

    @Override
    public synchronized List<Recommendation> recommend(Mood mood, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        TrackFilter filter = Objects.requireNonNull(filters.get(), "filter");
        FeatureIndex pool = currentIndex(filter);
        if (pool.size == 0) {
            log.info("no candidate tracks ({}); nothing to recommend", filter);
            return List.of();
        }
        StrategyPlan plan = Objects.requireNonNull(plans.get(), "strategy plan");
        Strategy strategy = mood.present() ? plan.strategyFor(mood.emotion()) : Strategy.MATCH;
        int firstStep = advanceLift(mood, strategy);
        PlayHistory history = source.history(window);
        RequestRules rules = new RequestRules(pool, filter, history, window);
        NearestSearch search = new NearestSearch(pool);
        List<Recommendation> picks = new ArrayList<>(limit);
        List<Integer> chosen = new ArrayList<>(limit);
        for (int i = 0; i < limit; i++) {
            int step = firstStep + i;
            MoodTargets.Point target = switch (strategy) {
                case MATCH -> MoodTargets.start(mood);
                case CALM -> MoodTargets.CALM;
                case LIFT -> MoodTargets.liftStep(mood, step, plan.liftSteps());
            };
            List<NearestSearch.Hit> hits = search.nearest(target.valence(), target.energy(), Diversity.CANDIDATES,
                    rules::accepts, rules);
            if (hits.isEmpty()) {
                break; // only the last artist or recent tracks are left: a shorter list beats a repeat
            }
            NearestSearch.Hit hit = Diversity.choose(hits, pool, chosen);
            int p = hit.position();
            rules.picked(p);
            chosen.add(p);
            picks.add(new Recommendation(pool.tracks[p], round(Math.max(0, Math.min(1, hit.score()))),
                    ReasonWriter.reason(pool.valence[p], pool.energy[p], mood, strategy, step, plan.liftSteps())));
        }
        return picks;
    }

    /** The step this request starts at; counts on while the label and the lift last, else starts over. */
    private int advanceLift(Mood mood, Strategy strategy) {
        if (strategy != Strategy.LIFT) {
            liftLabel = null;
            return 0;
        }
        if (!mood.label().equals(liftLabel)) {
            liftLabel = mood.label();
            liftStep = 0;
        } else {
            liftStep++;
        }
        return liftStep;
    }

    /** The pool's index, rebuilt only when the tracks, the explicit set or the filter differ from last time. */
    private FeatureIndex currentIndex(TrackFilter filter) {
        List<Track> tracks = source.tracks();
        Set<Long> explicit = source.explicitTrackIds();
        if (index == null || tracks != indexedTracks || !explicit.equals(indexedExplicit)
                || !filter.equals(indexedFilter)) {
            List<Track> pool = tracks.stream().filter(t -> t.features() != null).filter(filter::inPool).toList();
            index = new FeatureIndex(pool, new HashSet<>(explicit));
            indexedTracks = tracks;
            indexedExplicit = explicit;
            indexedFilter = filter;
        }
        return index;
    }

    private static Supplier<TrackFilter> fixed(TrackFilter filter) {
        return () -> filter;
    }

    private static Supplier<StrategyPlan> fixedPlan(StrategyPlan plan) {
        return () -> plan;
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }

    /** The plan the next request will use. */
    public StrategyPlan plan() {
        return plans.get();
    }
}
