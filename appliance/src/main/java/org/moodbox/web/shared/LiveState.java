package org.moodbox.web.shared;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.moodbox.model.Mood;
import org.moodbox.mood.MoodFeed;
import org.moodbox.playback.PlaybackState;
import org.moodbox.playback.Player;
import org.moodbox.recommend.Recommendation;
import org.moodbox.recommend.Recommender;
import org.moodbox.web.shared.ApiViews.KioskSettingsView;
import org.moodbox.web.shared.ApiViews.MoodView;
import org.moodbox.web.shared.ApiViews.PlaybackView;
import org.moodbox.web.shared.ApiViews.RecommendationView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the screens show right now: the mood, the cards and the playback state, kept up to date from the mood
 * feed and the player and pushed to the pages through the {@link SseHub}.
 *
 * <p>Listener calls arrive on the tracker's and the player's threads; they only enqueue work on this class's
 * own thread, so those threads return at once and a recommender query never runs on the camera path.
 *
 * <p>The cards change only when the mood label changes (or on an explicit refresh): the tracker reports small
 * probability changes many times a second, and cards that reshuffle under a finger are unusable.
 */
public final class LiveState implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveState.class);
    /** Small confidence wobbles are sent at most this often; label or presence changes go out at once. */
    private static final Duration MOOD_EVENT_INTERVAL = Duration.ofMillis(250);

    private final MoodFeed moodFeed;
    private final Recommender recommender;
    private final Player player;
    private final SseHub hub;
    private final int cardCount;
    private final ExecutorService updates = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "moodbox-web-state");
        t.setDaemon(true);
        return t;
    });

    // Written only on the updates thread, read by request threads: volatile snapshots, no locks.
    private volatile Mood mood;
    private volatile List<Recommendation> recommendations = List.of();
    private volatile boolean closed;
    private Mood lastSentMood;
    private long lastMoodEventNanos;

    public LiveState(MoodFeed moodFeed, Recommender recommender, Player player, SseHub hub, int cardCount) {
        this.moodFeed = moodFeed;
        this.recommender = recommender;
        this.player = player;
        this.hub = hub;
        this.cardCount = cardCount;
    }

    /** Computes the first cards before the server answers, then follows the feeds. */
    private final java.util.concurrent.atomic.AtomicLong playbackVersion = new java.util.concurrent.atomic.AtomicLong();

    public void start() {
        Mood first = moodFeed.current();
        mood = first;
        lastSentMood = first;
        recommendations = safeRecommend(first);
        moodFeed.subscribe(this::moodChanged);
        player.subscribe(this::playbackChanged);
    }

    public Mood mood() {
        return mood;
    }

    public List<Recommendation> recommendations() {
        return recommendations;
    }

    /**
     * The player's state now, stamped with the number of changes announced so far. The count is read first,
     * so the state is at least as new as the stamp says.
     */
    public PlaybackView playback() {
        long version = playbackVersion.get();
        return PlaybackView.of(player.state(), player.volumeCap(), version);
    }

    /** Safe to call from any thread, also twice for the same value. */
    public void moodChanged(Mood next) {
        if (next != null && !closed) {
            enqueue(() -> applyMood(next));
        }
    }

    /** New cards for the current mood ("more songs"); waits for them so the caller can answer with them. */
    public List<Recommendation> refresh() {
        try {
            return CompletableFuture.supplyAsync(() -> {
                recommendations = safeRecommend(mood);
                hub.broadcast("recommendations", RecommendationView.of(recommendations));
                return recommendations;
            }, updates).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while refreshing recommendations", e);
        } catch (Exception e) {
            throw new IllegalStateException("refreshing recommendations failed", e);
        }
    }

    /**
     * The owner saved settings: the filter the recommender reads may have changed, so the cards are computed
     * again at once (not at the next mood change), and the page gets the settings it acts on.
     */
    public void settingsChanged(KioskSettingsView kioskSettings) {
        if (!closed) {
            enqueue(() -> {
                recommendations = safeRecommend(mood);
                hub.broadcast("settings", kioskSettings);
                hub.broadcast("recommendations", RecommendationView.of(recommendations));
                // The owner's volume cap may have changed without the volume moving: the slider's end did.
                hub.broadcast("playback", playback());
            });
        }
    }

    /** The library changed (a rescan finished): new tracks may fit the mood better than the cards shown. */
    public void catalogChanged() {
        if (!closed) {
            enqueue(() -> {
                recommendations = safeRecommend(mood);
                hub.broadcast("recommendations", RecommendationView.of(recommendations));
            });
        }
    }

    /** Called by the player in the order of its changes (under its lock), so versions follow that order. */
    private void playbackChanged(PlaybackState state) {
        if (state != null && !closed) {
            PlaybackView view = PlaybackView.of(state, player.volumeCap(), playbackVersion.incrementAndGet());
            enqueue(() -> hub.broadcast("playback", view));
        }
    }

    private void applyMood(Mood next) {
        Mood previous = mood;
        boolean labelChanged = previous == null || previous.emotion() != next.emotion();
        if (labelChanged) {
            recommendations = safeRecommend(next);
        }
        // Written after its cards: a request that sees the new mood sees the cards made for it, never the old ones.
        mood = next;
        if (labelChanged || significant(lastSentMood, next) || moodIntervalPassed()) {
            if (!next.equals(lastSentMood)) {
                hub.broadcast("mood", MoodView.of(next));
                lastSentMood = next;
                lastMoodEventNanos = System.nanoTime();
            }
        }
        if (labelChanged) {
            hub.broadcast("recommendations", RecommendationView.of(recommendations));
        }
    }

    private static boolean significant(Mood before, Mood after) {
        return before == null || before.emotion() != after.emotion() || before.present() != after.present()
                || before.sure() != after.sure() || !java.util.Objects.equals(before.source(), after.source());
    }

    private boolean moodIntervalPassed() {
        return System.nanoTime() - lastMoodEventNanos >= MOOD_EVENT_INTERVAL.toNanos();
    }

    private List<Recommendation> safeRecommend(Mood forMood) {
        try {
            return List.copyOf(recommender.recommend(forMood, cardCount));
        } catch (RuntimeException e) {
            // Keep the old cards on screen rather than an empty one; the log says why.
            LOG.warn("recommender failed for mood {}; keeping the current cards", forMood.label(), e);
            return recommendations;
        }
    }

    private void enqueue(Runnable task) {
        try {
            updates.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.warn("web state update failed", e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("web state closed; update dropped");
        }
    }

    @Override
    public void close() {
        // MoodFeed and Player have no unsubscribe: after close their calls are ignored.
        closed = true;
        updates.shutdownNow();
    }
}
