package org.moodbox.app;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.moodbox.catalog.Catalog;
import org.moodbox.model.Track;
import org.moodbox.device.DeviceEvents;
import org.moodbox.mood.MoodFeed;
import org.moodbox.playback.PlaybackState;
import org.moodbox.playback.PlaybackQueue;
import org.moodbox.playback.Player;
import org.moodbox.recommend.Recommendation;
import org.moodbox.recommend.Recommender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the box's hardware does to the rest of the appliance: the button's short press plays the next
 * recommended track for the current mood (the one playing counts as skipped), a long press likes what plays,
 * and the presence sensor puts the vision loop and the screen to rest while nobody is there.
 *
 * <p>Pi4J calls arrive on its event threads; the work (a recommender query, a catalog write, starting a
 * track) runs on this class's own thread, one press after the other, so two quick presses skip twice in order.
 */
final class BoxControls implements DeviceEvents, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BoxControls.class);
    /** Candidates asked for per press: enough that one differs from the playing track. */
    private static final int CANDIDATES = 5;
    static final int LIKED = 1;
    static final int SKIPPED = -1;

    private final Player player;
    private final Recommender recommender;
    private final MoodFeed mood;
    private final Catalog catalog;
    private final List<Consumer<Boolean>> presenceListeners;
    private final ExecutorService work = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "box-controls");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param presenceListeners told "someone is there" (true) or "nobody" (false): the vision loop's pace, the
     *                          kiosk screen's sleep
     */
    BoxControls(Player player, Recommender recommender, MoodFeed mood, Catalog catalog,
                List<Consumer<Boolean>> presenceListeners) {
        this.player = player;
        this.recommender = recommender;
        this.mood = mood;
        this.catalog = catalog;
        this.presenceListeners = List.copyOf(presenceListeners);
    }

    @Override
    public void onNext() {
        submit("next track", this::next);
    }

    @Override
    public void onLike() {
        submit("like", this::like);
    }

    @Override
    public void onPresence(boolean present) {
        submit(present ? "someone is there" : "nobody there", () -> {
            for (Consumer<Boolean> listener : presenceListeners) {
                listener.accept(present);
            }
        });
    }

    private void next() {
        Optional<Track> playing = loadedTrack();
        // Skipping is the listener's word on the track: the recommender weighs it like a skip on the screen.
        playing.ifPresent(track -> catalog.judgeLatestPlay(track.id(), SKIPPED));
        // What someone queued on the screen comes first, as with the screen's own next button.
        if (player instanceof PlaybackQueue queue && !queue.upcoming().isEmpty()) {
            queue.next().ifPresent(track -> LOG.info("button: next -> queued {} - {}", track.artist(), track.title()));
            return;
        }
        Long playingId = playing.map(Track::id).orElse(null);
        List<Recommendation> candidates = recommender.recommend(mood.current(), CANDIDATES);
        Optional<Track> next = candidates.stream().map(Recommendation::track)
                .filter(track -> !track.linkOnly()) // a YouTube link is for phones, never played by the box
                .filter(track -> playingId == null || track.id() != playingId).findFirst();
        if (next.isEmpty()) {
            LOG.info("button: next, but nothing to recommend (is the music library empty?)");
            return;
        }
        LOG.info("button: next -> {} - {}", next.get().artist(), next.get().title());
        player.play(next.get());
    }

    private void like() {
        Optional<Track> playing = loadedTrack();
        if (playing.isEmpty()) {
            LOG.info("button: like, but nothing is playing");
            return;
        }
        Track track = playing.get();
        if (catalog.judgeLatestPlay(track.id(), LIKED)) {
            LOG.info("button: liked {} - {}", track.artist(), track.title());
        } else {
            // Played from outside the history (never recorded): keep the like as a play of its own.
            catalog.recordPlay(track.id(), mood.current().label(), LIKED);
            LOG.info("button: liked {} - {} (new play record)", track.artist(), track.title());
        }
    }

    /** The track the player holds, playing or paused; empty when stopped. */
    private Optional<Track> loadedTrack() {
        PlaybackState state = player.state();
        return state.status() == PlaybackState.Status.STOPPED ? Optional.empty() : Optional.ofNullable(state.track());
    }

    private void submit(String what, Runnable task) {
        try {
            work.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.warn("button/sensor action '{}' failed", what, e); // the next press must still work
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("box controls closed; '{}' dropped", what);
        }
    }

    @Override
    public void close() {
        work.shutdown();
        try {
            work.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        work.shutdownNow();
    }
}
