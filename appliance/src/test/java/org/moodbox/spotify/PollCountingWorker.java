package org.moodbox.spotify;

import java.time.Duration;
import java.util.concurrent.RunnableScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;

/**
 * The Connect player's one worker thread, counting the runs of its periodic task (the poll of Spotify's playback
 * state). A test that must show a poll changed nothing awaits polls that started after its change, not a while.
 */
final class PollCountingWorker extends ScheduledThreadPoolExecutor {
    private final AtomicLong polls = new AtomicLong();

    PollCountingWorker() {
        super(1, r -> {
            Thread t = new Thread(r, "moodbox-spotify-connect-test");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    protected void afterExecute(Runnable task, Throwable thrown) {
        super.afterExecute(task, thrown);
        if (task instanceof RunnableScheduledFuture<?> scheduled && scheduled.isPeriodic()) {
            polls.incrementAndGet();
        }
    }

    /**
     * Returns once two more polls have finished: the first may have begun before the caller's change, the second
     * began after it.
     */
    void awaitTwoMorePolls() {
        long from = polls.get();
        Awaitility.await("two more polls").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(5))
                .until(() -> polls.get() >= from + 2);
    }
}
