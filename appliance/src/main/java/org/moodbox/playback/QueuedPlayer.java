package org.moodbox.playback;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.moodbox.model.Track;
import org.moodbox.playback.PlaybackState.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Player} with a queue: when a track ends, or cannot be played, the next one starts by itself (the
 * next queued, else the next recommendation). Pause, resume, stop and volume pass through unchanged, so the
 * owner's cap still holds.
 *
 * <p>A track that fails is logged with its reason ("skipped ... : file not found") and the queue moves on; after
 * {@link #MAX_FAILURES_IN_A_ROW} failures in a row it stops instead of racing through a library of broken
 * files. A stop asked for (the stop button) is not an end of track and does not move on.
 *
 * <p>Moving on happens on this class's own thread: the player reports a track's end from its decoding thread,
 * with its lock held, and must not be asked to start the next track from there.
 */
public final class QueuedPlayer extends ForwardingPlayer implements PlaybackQueue {
    static final int MAX_FAILURES_IN_A_ROW = 5;
    private static final Logger log = LoggerFactory.getLogger(QueuedPlayer.class);

    private final Supplier<Optional<Track>> recommended;
    private final Object lock = new Object();
    private final Deque<Track> queue = new ArrayDeque<>();
    private final ExecutorService mover;

    private Track current;
    private boolean stopRequested;
    private int failuresInARow;
    private volatile boolean closed;

    /**
     * @param player      the player that makes tracks audible (its state events drive the queue)
     * @param recommended the next track to play when the queue is empty (e.g. the recommender's first card for
     *                    the mood now), empty when there is none; called on this class's thread
     */
    public QueuedPlayer(Player player, Supplier<Optional<Track>> recommended) {
        this(player, recommended, Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "playback-queue");
            t.setDaemon(true);
            return t;
        }));
    }

    /**
     * With the single thread that moves on given: a test hands one in and, by running a task of its own on it,
     * knows that every end of track reported before has been dealt with.
     */
    QueuedPlayer(Player player, Supplier<Optional<Track>> recommended, ExecutorService mover) {
        super(player);
        this.recommended = Objects.requireNonNull(recommended);
        this.mover = Objects.requireNonNull(mover);
        player.subscribe(this::stateChanged);
    }

    @Override
    public Optional<Track> next() {
        synchronized (lock) {
            failuresInARow = 0; // a person asked: give the library another chance
            return advance("next");
        }
    }

    @Override
    public boolean enqueue(Track track) {
        Objects.requireNonNull(track, "track");
        synchronized (lock) {
            if (queue.size() >= MAX_QUEUED) {
                return false;
            }
            queue.addLast(track);
            return true;
        }
    }

    @Override
    public List<Track> upcoming() {
        synchronized (lock) {
            return List.copyOf(queue);
        }
    }

    @Override
    public void clearQueue() {
        synchronized (lock) {
            queue.clear();
        }
    }

    @Override
    public void play(Track track) {
        synchronized (lock) {
            failuresInARow = 0;
            start(track);
        }
    }

    @Override
    public void stop() {
        synchronized (lock) {
            if (current != null && player.state().status() != Status.STOPPED) {
                stopRequested = true;
            }
            player.stop();
        }
    }

    @Override
    public void close() {
        closed = true;
        mover.shutdownNow();
        player.close();
    }

    /** Called with the lock held. */
    private Optional<Track> advance(String why) {
        Track next = queue.pollFirst();
        if (next == null) {
            try {
                next = recommended.get().orElse(null);
            } catch (RuntimeException e) {
                log.warn("no next track: the recommendation failed ({})", e.toString());
            }
        }
        if (next == null) {
            log.info("{}: nothing queued and nothing to recommend; stopping", why);
            if (player.state().status() != Status.STOPPED) {
                stopRequested = true;
                player.stop();
            }
            current = null;
            return Optional.empty();
        }
        start(next);
        return Optional.of(next);
    }

    /** Called with the lock held. */
    private void start(Track track) {
        current = track;
        stopRequested = false;
        player.play(track);
    }

    /** From the player's thread: only decides, the work happens on {@link #mover}. */
    private void stateChanged(PlaybackState state) {
        if (closed || state.status() != Status.STOPPED || state.track() == null) {
            return;
        }
        try {
            mover.execute(() -> trackStopped(state));
        } catch (RejectedExecutionException e) {
            // closing: nothing moves on any more
        }
    }

    private void trackStopped(PlaybackState state) {
        synchronized (lock) {
            if (closed || current == null || state.track().id() != current.id()) {
                return; // an old track's news, or nothing of ours is playing
            }
            if (stopRequested) {
                stopRequested = false;
                return;
            }
            if (player.state().status() != Status.STOPPED) {
                return; // something else started meanwhile
            }
            if (state.error() != null) {
                failuresInARow++;
                log.warn("skipped \"{}\" ({}): {}", current.title(), current.uri(), state.error());
                if (failuresInARow >= MAX_FAILURES_IN_A_ROW) {
                    log.warn("{} tracks in a row could not be played; stopping until someone chooses a track",
                            failuresInARow);
                    current = null;
                    return;
                }
                advance("after a track that could not be played");
            } else {
                failuresInARow = 0;
                advance("end of track");
            }
        }
    }
}
