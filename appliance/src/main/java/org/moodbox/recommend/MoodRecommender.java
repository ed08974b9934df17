package org.moodbox.recommend;


import org.moodbox.model.Strategy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.function.Supplier;
import org.moodbox.model.Emotion;
import org.moodbox.model.Mood;
import org.moodbox.model.Track;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ranks catalog tracks by how close their perceived mood ({@link PerceivedMood}: valence and arousal on the
 * absolute 0..1 scale of the emotion anchors) sits to a target.
 *
 * <p>The target comes from the mood and the owner's {@link StrategyPlan} ({@link MoodTargets}): match aims at
 * the mood's point, calm at calm's point with arousal counted first, lift starts at the mood and moves toward
 * its goal one step per track. Targets are absolute: on a loud catalog the sad picks are the saddest it has,
 * not its "31st percentile of energy", and when nothing is near a target the card says so
 * ({@link ReasonWriter}). Fit = 1 - distance / sqrt(2); score = fit plus the {@link FeedbackWeights} bonuses,
 * shown clamped to 0..1.
 *
 * <p>Diversity: never the same artist twice in a row (including the last track played), unless the
 * listener asked for one artist; no track from the last {@link PlayHistory#DEFAULT_WINDOW} plays; and the
 * cards of one list spread over perceived valence, arousal and tempo ({@link Diversity}) rather than being
 * near-copies.
 *
 * <p>Scale: the candidate pool is indexed once per catalog snapshot ({@link FeatureIndex}), and each pick is
 * a grid search near its target ({@link NearestSearch}), so a request touches a few thousand tracks, not all.
 *
 * <p>Lift keeps its step count here: each request moves one step on, and a change of mood label starts
 * over at the mood. Within one list, item i aims at step (session step + i), so a list reads as the path;
 * and each lift track is at least as close to the goal as the one before (never a step back), across
 * requests too.
 */
public final class MoodRecommender implements Recommender {
    private static final Logger log = LoggerFactory.getLogger(MoodRecommender.class);
    /**
     * A pick further than this from its target (on the perceived plane) is "not really" of the target's mood:
     * about the distance between neighbouring anchors (happy to surprise .14, sad to disgust .24).
     */
    static final double FAR = 0.2;
    /** A lift near its goal keeps to tracks at most this much further from it than the nearest one. */
    static final double ARRIVED = 0.05;

    private final TrackSource source;
    private final Supplier<TrackFilter> filters;
    private final Supplier<StrategyPlan> plans;
    private final int window;

    private List<Track> indexedTracks;
    private Set<Long> indexedExplicit;
    private TrackFilter indexedFilter;
    private FeatureIndex index;
    /** Per emotion (by ordinal), the distance from its point to the pool's nearest track. */
    private double[] reach;
    private String liftLabel;
    private int liftStep;
    /** Distance to the goal of the last lift track, so the next one is never further. */
    private double liftDistance = Double.POSITIVE_INFINITY;

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
        double[] reach = this.reach;
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
        MoodTargets.Point goal = MoodTargets.liftGoal(mood.emotion());
        // Near the goal a lift stops demanding ever closer tracks, which would run out (and make every search
        // scan the whole library): anything within ARRIVED of the nearest the library has to the goal will do.
        double arrived = strategy != Strategy.LIFT ? 0 : ARRIVED + reachOf(search, goal, rules);
        String farFrom = null;
        for (int i = 0; i < limit; i++) {
            int step = firstStep + i;
            MoodTargets.Point target = MoodTargets.of(strategy, mood, step, plan.liftSteps(), reach);
            double notFurther = Math.max(liftDistance, arrived);
            IntPredicate accept = strategy != Strategy.LIFT ? rules::accepts
                    : p -> rules.accepts(p) && goal.distance(pool.valence[p], pool.arousal[p]) <= notFurther;
            NearestSearch.Disc within = strategy != Strategy.LIFT || Double.isInfinite(notFurther) ? null
                    : new NearestSearch.Disc(goal.valence(), goal.arousal(), notFurther);
            List<NearestSearch.Hit> hits = search.nearest(target, Diversity.CANDIDATES, accept, rules, within);
            if (hits.isEmpty()) {
                break; // only the last artist or recent tracks are left: a shorter list beats a repeat
            }
            NearestSearch.Hit hit = Diversity.choose(hits, pool, chosen);
            int p = hit.position();
            rules.picked(p);
            chosen.add(p);
            if (strategy == Strategy.LIFT) {
                liftDistance = goal.distance(pool.valence[p], pool.arousal[p]);
            }
            if (i == 0) { // the best the library has: if even it is far, every card of the list says so
                farFrom = mood.present() && (strategy != Strategy.LIFT || step == 0)
                        && Math.hypot(pool.valence[p] - target.valence(), pool.arousal[p] - target.arousal()) > FAR
                        ? target.label() : null;
            }
            String far = strategy == Strategy.LIFT && step > 0 ? null : farFrom;
            picks.add(new Recommendation(pool.tracks[p], round(Math.max(0, Math.min(1, hit.score()))),
                    ReasonWriter.reason(pool.valence[p], pool.arousal[p], mood, strategy, step, plan.liftSteps(),
                            far)));
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
            liftDistance = Double.POSITIVE_INFINITY;
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
            reach = reachOf(index);
            indexedTracks = tracks;
            indexedExplicit = explicit;
            indexedFilter = filter;
        }
        return index;
    }

    /** How far the nearest acceptable track is from a point (plain distance); infinity when none is acceptable. */
    private static double reachOf(NearestSearch search, MoodTargets.Point point, RequestRules rules) {
        MoodTargets.Point plain = new MoodTargets.Point(point.valence(), point.arousal(), 1, point.label());
        NearestSearch.Hit hit = search.best(plain, rules::accepts, NO_BONUS);
        return hit.position() < 0 ? Double.POSITIVE_INFINITY : 1e-9 + (1 - hit.fit()) * Math.sqrt(2);
    }

    private static final NearestSearch.Bonus NO_BONUS = new NearestSearch.Bonus() {
        @Override
        public double of(int position) {
            return 0;
        }

        @Override
        public int[] boosted() {
            return new int[0];
        }
    };

    /** How far each emotion's point is from the pool's nearest track: the reach that keeps moods apart. */
    private static double[] reachOf(FeatureIndex pool) {
        double[] reach = new double[Emotion.values().length];
        if (pool.size == 0) {
            return reach;
        }
        NearestSearch search = new NearestSearch(pool);
        for (Emotion e : Emotion.values()) {
            int p = search.best(new MoodTargets.Point(e.valence(), e.arousal(), 1, e.label()), q -> true, NO_BONUS)
                    .position();
            reach[e.ordinal()] = Math.hypot(pool.valence[p] - e.valence(), pool.arousal[p] - e.arousal());
        }
        return reach;
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
