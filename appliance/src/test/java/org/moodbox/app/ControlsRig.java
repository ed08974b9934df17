package org.moodbox.app;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.moodbox.catalog.Catalog;
import org.moodbox.catalog.CatalogEntry;
import org.moodbox.catalog.FileStamp;
import org.moodbox.catalog.PlayTally;
import org.moodbox.catalog.TestAudio;
import org.moodbox.device.GpioPins;
import org.moodbox.device.LedState;
import org.moodbox.device.MockBoxBoard;
import org.moodbox.model.Features;
import org.moodbox.model.SourceKind;
import org.moodbox.model.Track;
import org.moodbox.mood.MoodTracker;
import org.moodbox.mood.MoodTrackerSettings;
import org.moodbox.playback.AudioOutput;
import org.moodbox.playback.LocalFilePlayer;
import org.moodbox.playback.PlayHistoryPlayer;
import org.moodbox.playback.PlaybackState;
import org.moodbox.playback.Player;
import org.moodbox.recommend.MoodRecommender;
import org.moodbox.recommend.PlayHistory;
import org.moodbox.recommend.StrategyPlan;
import org.moodbox.recommend.TrackFilter;
import org.moodbox.recommend.TrackSource;
import org.slf4j.LoggerFactory;

/**
 * The box's button and sensor wired as the appliance wires them: Pi4J's mock pins (with a hand-moved clock), the
 * real BoxControls over the real SQLite catalog, the mood recommender over it and the local player (null sink)
 * with the play history it writes. What the controls did is read from the real classes: the track playing, the
 * catalog's tallies, the presence listeners, and the controls' own log lines in the order they acted.
 */
final class ControlsRig implements AutoCloseable {
    static final Duration SHORT = Duration.ofMillis(150);
    static final Duration LONG = Duration.ofMillis(1200);
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    final Catalog catalog;
    final Player player;
    final BoxControls controls;
    final MockBoxBoard board;
    final MoodTracker mood;
    final MoodRecommender recommender;
    /** What the room's presence listeners heard: true for "someone is there". */
    final List<Boolean> presence = new CopyOnWriteArrayList<>();
    private final ListAppender<ILoggingEvent> controlLog = new ListAppender<>();

    ControlsRig(Path folder) throws Exception {
        catalog = Catalog.open(folder.resolve("catalog.db"));
        Path music = Files.createDirectories(folder.resolve("music"));
        String[] titles = {"Awakening", "Nebula", "Through Space", "Chimes They Fade"};
        for (int i = 0; i < titles.length; i++) {
            Path file = music.resolve(i + ".wav");
            TestAudio.write(file, TestAudio.tones(30, 0.2, 220 + 40 * i), Map.of("title", titles[i]));
            catalog.upsert(new CatalogEntry(SourceKind.LOCAL, file.toUri().toString(), titles[i], "Maxstack" + i,
                    "Endgame: Singularity", null, "instrumental", List.of(), 30, false, "test tone",
                    new FileStamp(Files.size(file), Files.getLastModifiedTime(file).toMillis()),
                    new Features(0.3 + 0.1 * i, 0.3, null, "estimated"), null, null));
        }
        mood = new MoodTracker(MoodTrackerSettings.defaults(), Clock.systemUTC());
        player = new PlayHistoryPlayer(new LocalFilePlayer(0.8, AudioOutput.nullSink()),
                new CatalogPlayRecorder(catalog), () -> mood.current().label());
        recommender = new MoodRecommender(TrackSource.of(catalog), () -> TrackFilter.ANY,
                StrategyPlan.defaults(), PlayHistory.DEFAULT_WINDOW);
        controlLog.list = new CopyOnWriteArrayList<>(); // written on the controls' thread, read on the test's
        controlLog.start();
        ((Logger) LoggerFactory.getLogger(BoxControls.class)).addAppender(controlLog);
        controls = new BoxControls(player, recommender, mood, catalog, List.of(presence::add));
        board = new MockBoxBoard(GpioPins.defaults().withPins(5, 6, 13), controls, () -> LedState.ON);
    }

    /** The controls' lines so far, in the order they acted ("button: next -> ...", "button: liked ..."). */
    List<String> controlLines() {
        return controlLog.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    /**
     * A short press whose track is awaited: the controls act one event after the other on one thread, so once
     * this press's track plays every event before it has been dealt with. Returns the track, once its play is
     * in the catalog (a like then marks that play).
     */
    Track pressNextAndAwaitIt() throws InterruptedException {
        return nextAndAwaitIt(() -> board.press(SHORT));
    }

    /**
     * The same through the controls directly, as the button would ask, without a press: the board's clock stays
     * where the test put it (a press moves it by the hold), which the presence sensor's countdown reads.
     */
    Track askNextAndAwaitIt() throws InterruptedException {
        return nextAndAwaitIt(controls::onNext);
    }

    private Track nextAndAwaitIt(Runnable ask) throws InterruptedException {
        Track before = loaded();
        int lines = controlLines().size();
        ask.run();
        waitFor(() -> {
            List<String> now = controlLines(); // one snapshot: the controls' thread may add a line meanwhile
            return now.size() > lines && now.get(now.size() - 1).startsWith("button: next -> ");
        }, "the controls acting on the press");
        Track playing = waitUntilPlaying(before);
        waitFor(() -> catalog.playCount(playing.id()) >= 1, "the play recorded");
        return playing;
    }

    /** The track the player holds, or null. */
    Track loaded() {
        PlaybackState state = player.state();
        return state.status() == PlaybackState.Status.STOPPED ? null : state.track();
    }

    /**
     * Waits until a track other than {@code previous} plays, and returns it. The player announces PLAYING before
     * the play history has written its row (PlayHistoryPlayer records after starting), so a test that counts
     * plays waits for the row too: the soak (.ci/soak-timing-tests) caught the race on its seventh round.
     */
    Track waitUntilPlaying(Track previous) throws InterruptedException {
        waitFor(() -> {
            PlaybackState state = player.state();
            return state.status() == PlaybackState.Status.PLAYING && state.track() != null
                    && (previous == null || state.track().id() != previous.id());
        }, "a new track playing");
        return player.state().track();
    }

    PlayTally tally(long trackId) {
        return catalog.playTallies().stream().filter(t -> t.trackId() == trackId).findFirst()
                .orElse(new PlayTally(trackId, 0, 0, 0));
    }

    static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        board.close();
        controls.close();
        player.close();
        catalog.close();
        ((Logger) LoggerFactory.getLogger(BoxControls.class)).detachAppender(controlLog);
    }
}
