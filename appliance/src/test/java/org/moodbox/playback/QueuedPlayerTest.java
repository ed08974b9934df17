package org.moodbox.playback;

import org.moodbox.model.SourceKind;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moodbox.catalog.TestAudio;
import org.moodbox.model.Track;
import org.moodbox.playback.PlaybackState.Status;
import org.slf4j.LoggerFactory;

/** The queue over the real local player: FFmpeg-written files, decoded by FFmpeg, heard by the null sink. */
class QueuedPlayerTest {
    @TempDir
    Path dir;

    private final List<Long> started = new CopyOnWriteArrayList<>();
    private final Deque<Track> recommendations = new java.util.concurrent.ConcurrentLinkedDeque<>();
    private final ListAppender<ILoggingEvent> logLines = new ListAppender<>();
    private final ExecutorService mover = Executors.newSingleThreadExecutor();
    private final RecordingSink.Output output = new RecordingSink.Output();
    private QueuedPlayer queue;
    private long nextId = 1;

    @BeforeEach
    void setUp() {
        // The player logs from its own thread while the test reads the lines: ListAppender's ArrayList would
        // throw ConcurrentModificationException now and then (it did, once in a fresh run).
        logLines.list = new java.util.concurrent.CopyOnWriteArrayList<>();
        logLines.start();
        ((Logger) LoggerFactory.getLogger(QueuedPlayer.class)).addAppender(logLines);
        queue = new QueuedPlayer(new LocalFilePlayer(0.6, output), () -> {
            synchronized (recommendations) {
                return Optional.ofNullable(recommendations.pollFirst());
            }
        }, mover);
        queue.subscribe(s -> {
            if (s.status() == Status.PLAYING && s.track() != null
                    && (started.isEmpty() || started.get(started.size() - 1) != s.track().id())) {
                started.add(s.track().id());
            }
        });
    }

    @AfterEach
    void tearDown() {
        queue.close();
        mover.shutdownNow();
        ((Logger) LoggerFactory.getLogger(QueuedPlayer.class)).detachAppender(logLines);
    }

    private Track tone(double seconds) throws Exception {
        long id = nextId++;
        Path file = TestAudio.write(dir.resolve("t" + id + ".wav"), TestAudio.tones(seconds, 0.4, 330 + id * 20),
                Map.of());
        return new Track(id, SourceKind.LOCAL, file.toUri().toString(), "Tone " + id, "Artist " + id, null, null, null,
                seconds, false, null, null);
    }

    private Track broken(String how) throws Exception {
        long id = nextId++;
        Path file = dir.resolve("broken" + id + ".mp3");
        if (how.equals("garbage")) {
            Files.writeString(file, "not audio at all ".repeat(100));
        } // "missing": never written
        return new Track(id, SourceKind.LOCAL, file.toUri().toString(), "Broken " + id, "Artist " + id, null, null, null,
                1, false, null, null);
    }

    /**
     * Returns once the queue's thread has dealt with every end of track reported so far (a task of ours queued
     * behind them has run): "it did not move on" is then a fact, not the hope that a while was long enough.
     */
    private void settled() throws Exception {
        mover.submit(() -> { }).get(10, TimeUnit.SECONDS);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.sleep(10);
        }
    }

    @Test
    void playsTheQueueThenTheRecommendationsEachAfterTheOther() throws Exception {
        Track a = tone(0.3);
        Track b = tone(0.3);
        Track recommended = tone(0.3);
        recommendations.add(recommended);
        queue.enqueue(a);
        queue.enqueue(b);
        assertThat(queue.upcoming()).containsExactly(a, b);

        assertThat(queue.next()).contains(a);
        assertThat(queue.upcoming()).containsExactly(b);

        await("the recommendation after the queue", () -> started.contains(recommended.id())
                && queue.state().status() == Status.STOPPED);
        assertThat(started).containsExactly(a.id(), b.id(), recommended.id());
        assertThat(queue.state().track()).isEqualTo(recommended);
        // The player says STOPPED before it logs why: the line is awaited (the soak caught it read too early).
        await("the reason in the log", () -> logLines.list.stream()
                .anyMatch(e -> e.getFormattedMessage().contains("nothing queued")));
    }

    @Test
    void nextSkipsWhatIsPlayingAtOnce() throws Exception {
        Track longOne = tone(5);
        Track after = tone(2);
        queue.play(longOne);
        queue.enqueue(after);
        await("the long track playing", () -> queue.state().positionSeconds() > 0.1);

        // "At once": when next() returns, the new track is already the one playing (no wall clock involved).
        assertThat(queue.next()).contains(after);
        assertThat(queue.state().track()).isEqualTo(after);
        assertThat(queue.state().status()).isEqualTo(Status.PLAYING);

        // Nothing else happens until the queue runs dry: the skipped track does not come back in between.
        await("the track after to play to its end", () -> queue.state().status() == Status.STOPPED);
        assertThat(started).containsExactly(longOne.id(), after.id());
        assertThat(queue.state().track()).isEqualTo(after);
    }

    @Test
    void aBrokenFileIsSkippedWithALogLineAndTheQueueMovesOn() throws Exception {
        Track garbage = broken("garbage");
        Track missing = broken("missing");
        Track good = tone(0.3);
        queue.enqueue(garbage);
        queue.enqueue(missing);
        queue.enqueue(good);

        queue.next();

        await("the good track", () -> started.contains(good.id()));
        assertThat(logLines.list).anyMatch(e -> e.getFormattedMessage().contains("skipped \"Broken " + garbage.id()));
        assertThat(logLines.list).anyMatch(e -> e.getFormattedMessage().contains("skipped \"Broken " + missing.id())
                && e.getFormattedMessage().contains("not found"));
        await("the end", () -> queue.state().status() == Status.STOPPED && queue.state().error() == null);
        assertThat(queue.state().track()).isEqualTo(good);
    }

    @Test
    void aLibraryOfBrokenFilesStopsInsteadOfSpinning() throws Exception {
        for (int i = 0; i < 20; i++) {
            recommendations.add(broken("garbage"));
        }
        queue.next();

        await("giving up", () -> logLines.list.stream()
                .anyMatch(e -> e.getFormattedMessage().contains("in a row could not be played")));
        settled();
        assertThat(recommendations).as("it stopped asking for more").hasSize(20 - QueuedPlayer.MAX_FAILURES_IN_A_ROW);
    }

    @Test
    void stopDoesNotMoveOnAndPauseResumeAndTheVolumeCapPassThrough() throws Exception {
        Track a = tone(3);
        Track b = tone(1);
        queue.play(a);
        queue.enqueue(b);
        await("playing", () -> queue.state().positionSeconds() > 0.05);

        queue.pause();
        assertThat(queue.state().status()).isEqualTo(Status.PAUSED);
        output.await("pause", 1); // the pause reached the decoder: it has parked
        double at = queue.state().positionSeconds();
        queue.resume();
        assertThat(queue.state().status()).isEqualTo(Status.PLAYING);
        output.await("resume", 1);
        assertThat(output.between("pause", "resume")).as("nothing written while paused").isEmpty();
        assertThat(at).as("paused where it was").isGreaterThan(0.05).isLessThan(3);

        queue.setVolume(1.0);
        assertThat(queue.state().volume()).as("clipped to the owner's cap").isEqualTo(0.6);
        queue.setVolumeCap(0.3);
        assertThat(queue.state().volume()).isEqualTo(0.3);

        queue.stop();
        settled(); // the stop's end of track has been dealt with: had it moved on, b would be playing now
        assertThat(queue.state().status()).isEqualTo(Status.STOPPED);
        assertThat(started).doesNotContain(b.id());
        assertThat(queue.upcoming()).containsExactly(b);
    }
}
