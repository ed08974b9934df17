package org.moodbox.web;

import org.moodbox.model.SourceKind;
import org.moodbox.web.shared.ArtistDirectory;
import org.moodbox.web.shared.TrackFeedback;
import org.moodbox.web.shared.TrackLookup;
import org.moodbox.web.shared.WebExtension;

import org.moodbox.web.kiosk.KioskOnly;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.imageio.ImageIO;
import org.moodbox.catalog.Artwork;
import org.moodbox.catalog.Catalog;
import org.moodbox.catalog.CatalogEntry;
import org.moodbox.model.Features;
import org.moodbox.catalog.FileStamp;
import org.moodbox.catalog.TestAudio;
import org.moodbox.model.Track;
import org.moodbox.model.Mood;
import org.moodbox.mood.MoodTracker;
import org.moodbox.mood.MoodTrackerSettings;
import org.moodbox.playback.AudioOutput;
import org.moodbox.playback.LocalFilePlayer;
import org.moodbox.playback.PlaybackState;
import org.moodbox.playback.PlaybackState.Status;
import org.moodbox.recommend.MoodRecommender;
import org.moodbox.recommend.PlayHistory;
import org.moodbox.recommend.StrategyPlan;
import org.moodbox.recommend.TrackSource;
import org.moodbox.recommend.Recommendation;
import org.moodbox.recommend.Recommender;
import org.moodbox.model.Strategy;
import org.moodbox.recommend.TrackFilter;
import org.moodbox.settings.AdminSecrets;
import org.moodbox.settings.SettingsStore;
import org.moodbox.vision.BoundingBox;
import org.moodbox.vision.DetectedFace;
import org.moodbox.model.Emotion;
import org.moodbox.vision.EmotionReading;
import org.moodbox.vision.FaceReading;
import org.moodbox.vision.FrameAnalysis;
import org.moodbox.vision.StageTimings;

/**
 * The real rooms the web room talks to, wired as the appliance wires them: the mood tracker, a SQLite catalog
 * in a test folder, the mood recommender over it and the local file player on the null sink.
 *
 * <p>The catalog holds twelve tracks named after the freely licensed Debian music packages (singularity-music,
 * wesnoth-1.16-music: real titles, artists and licences); their audio is generated here (FFmpeg-encoded
 * chords, WAV and FLAC) so the player really decodes something, and their features are estimates spread over
 * the valence/energy plane. Half carry a real PNG cover, half get the screen's placeholder.
 */
public final class RealRooms implements AutoCloseable {
    /** What the player reports once it has opened the null sink. */
    static final String NULL_SINK = "null sink (no sound device)";
    static final double VOLUME_CAP = 0.8;
    /** Long enough that nothing a test plays ends while the test still looks at it. */
    static final double SECONDS_PER_TRACK = 20;
    private static final Duration WAIT = Duration.ofSeconds(10);

    final Catalog catalog;
    public final MoodTracker moodTracker = new MoodTracker(MoodTrackerSettings.defaults(), Clock.systemUTC());
    final CountingRecommender recommender;
    public final LocalFilePlayer player = new LocalFilePlayer(VOLUME_CAP, AudioOutput.nullSink());
    /** Every state the player announced, in order (its listeners run under its lock, so in order). */
    final List<PlaybackState> transitions = new CopyOnWriteArrayList<>();
    /** Every mood the tracker announced to its listeners. */
    final List<Mood> announcedMoods = new CopyOnWriteArrayList<>();
    private final Map<String, byte[]> coversByTitle = new LinkedHashMap<>();

    private RealRooms(Path folder, Supplier<TrackFilter> filters) throws Exception {
        catalog = Catalog.open(folder.resolve("catalog.sqlite"));
        try {
            fill(folder);
        } catch (Exception | Error e) {
            catalog.close();
            throw e;
        }
        recommender = new CountingRecommender(new MoodRecommender(TrackSource.of(catalog::allTracks), filters,
                StrategyPlan.always(Strategy.MATCH, StrategyPlan.DEFAULT_LIFT_STEPS), PlayHistory.DEFAULT_WINDOW));
        player.subscribe(transitions::add);
        moodTracker.subscribe(announcedMoods::add);
    }

    /** A fresh set of rooms with its catalog and audio in {@code folder} (a JUnit temporary folder). */
    static RealRooms in(Path folder) throws Exception {
        return new RealRooms(folder, () -> TrackFilter.ANY);
    }

    /** With the recommender's filter read from {@code filters} per request (the owner's settings, say). */
    static RealRooms in(Path folder, Supplier<TrackFilter> filters) throws Exception {
        return new RealRooms(folder, filters);
    }

    /** The kiosk's server: no settings store (so no admin API), likes and skips kept in the catalog. */
    WebServer startServer() {
        return new WebServer(moodTracker, recommender, player, catalog, trackLookup(), () -> true, null, null,
                catalogLinks(), "127.0.0.1", 0, KioskOnly::isLoopback);
    }

    /** With the owner's admin API, its settings and secrets in {@code dataDir}. */
    WebServer startServer(SettingsStore settings, AdminSecrets secrets) {
        return startServer(settings, secrets, "127.0.0.1");
    }

    /** Bound to {@code host}: 0.0.0.0 as for phone access. */
    WebServer startServer(SettingsStore settings, AdminSecrets secrets, String host) {
        return new WebServer(moodTracker, recommender, player, catalog, trackLookup(), () -> true, settings, secrets,
                host, 0);
    }

    /** On 127.0.0.1 with the routes other rooms add (Spotify's panel, callback and kiosk notice). */
    WebServer startServer(SettingsStore settings, AdminSecrets secrets, List<WebExtension> extensions) {
        return startServer(settings, secrets, "127.0.0.1", extensions);
    }

    /** Bound to {@code host} (another loopback address, say) with the routes other rooms add. */
    WebServer startServer(SettingsStore settings, AdminSecrets secrets, String host, List<WebExtension> extensions) {
        return new WebServer(moodTracker, recommender, player, catalog, trackLookup(), () -> true, settings, secrets,
                RoomLinks.none().with(null, extensions), host, 0);
    }

    /** On 127.0.0.1, with {@code kioskClient} deciding which client addresses count as the kiosk screen. */
    WebServer startServer(SettingsStore settings, AdminSecrets secrets, Predicate<String> kioskClient) {
        return new WebServer(moodTracker, recommender, player, catalog, trackLookup(), () -> true, settings, secrets,
                "127.0.0.1", 0, kioskClient);
    }

    /** With the owner's and the kiosk's links to other rooms (status, preview, library, artists, feedback). */
    WebServer startServer(SettingsStore settings, AdminSecrets secrets, RoomLinks links,
                          Predicate<String> kioskClient) {
        return new WebServer(moodTracker, recommender, player, catalog, trackLookup(), () -> true, settings, secrets,
                links, "127.0.0.1", 0, kioskClient);
    }

    /** Artist search and likes/skips on this catalog; no vision loop, no library scan. */
    RoomLinks catalogLinks() {
        return new RoomLinks(null, null, null, List::of, ArtistDirectory.of(catalog), TrackFeedback.of(catalog));
    }

    /** The catalog answering the web room's two questions. */
    TrackLookup trackLookup() {
        return TrackLookup.of(catalog);
    }

    // --- catalog ---------------------------------------------------------------------------------------------

    private static final String SINGULARITY = "Maxstack, CC BY-SA 3.0 (Debian singularity-music)";
    private static final String WESNOTH = ", GPL-2+ (Debian wesnoth-1.16-music)";

    private void fill(Path folder) throws Exception {
        Path audio = Files.createDirectories(folder.resolve("music"));
        add(audio, "A New Journey", "Maxstack", "Endgame: Singularity", SINGULARITY, 0.62, 0.45, true);
        add(audio, "Awakening", "Maxstack", "Endgame: Singularity", SINGULARITY, 0.70, 0.35, false);
        add(audio, "Through Space", "Maxstack", "Endgame: Singularity", SINGULARITY, 0.55, 0.25, false);
        add(audio, "Chimes They Fade", "Maxstack", "Endgame: Singularity", SINGULARITY, 0.30, 0.15, true);
        add(audio, "Nebula", "Maxstack", "Endgame: Singularity", SINGULARITY, 0.45, 0.30, false);
        add(audio, "Battle Epic", "Doug Kaufman", "The Battle for Wesnoth OST", "Doug Kaufman" + WESNOTH, 0.25,
                0.90, true);
        add(audio, "Breaking the Chains", "Mattias Westlund", "The Battle for Wesnoth OST",
                "Mattias Westlund" + WESNOTH, 0.80, 0.75, true);
        add(audio, "Casualties of War", "Tyler Johnson", "The Battle for Wesnoth OST", "Tyler Johnson" + WESNOTH,
                0.15, 0.55, false);
        add(audio, "Elvish Theme", "Doug Kaufman", "The Battle for Wesnoth OST", "Doug Kaufman" + WESNOTH, 0.75,
                0.30, true);
        add(audio, "Heroes Rite", "Doug Kaufman", "The Battle for Wesnoth OST", "Doug Kaufman" + WESNOTH, 0.85,
                0.65, false);
        add(audio, "Into the Shadows", "Tyler Johnson", "The Battle for Wesnoth OST", "Tyler Johnson" + WESNOTH,
                0.20, 0.40, true);
        add(audio, "Journey's End", "Mattias Westlund", "The Battle for Wesnoth OST", "Mattias Westlund" + WESNOTH,
                0.90, 0.55, false);
    }

    private void add(Path folder, String title, String artist, String album, String attribution, double valence,
                     double energy, boolean withCover) throws Exception {
        int n = coversByTitle.size() + 1;
        // Both container formats the library scan finds, so the player decodes both.
        Path file = folder.resolve(String.format("%02d.%s", n, n % 2 == 0 ? "flac" : "wav"));
        double root = 110 * Math.pow(2, n / 12.0);
        TestAudio.write(file, TestAudio.tones(SECONDS_PER_TRACK, 0.2, root, root * 1.25, root * 1.5),
                Map.of("title", title, "artist", artist, "album", album));
        byte[] cover = withCover ? cover(valence, energy) : null;
        coversByTitle.put(title, cover);
        catalog.upsert(new CatalogEntry(SourceKind.LOCAL, file.toUri().toString(), title, artist, album, null,
                "instrumental", List.of("soundtrack"), SECONDS_PER_TRACK, false, attribution,
                new FileStamp(Files.size(file), Files.getLastModifiedTime(file).toMillis()),
                new Features(valence, energy, null, "estimated"), null,
                cover == null ? null : new Artwork(cover, "image/png")));
    }

    /** A 96x96 PNG, warm for bright tracks and cool for dark ones: a real image as a library file would carry. */
    private static byte[] cover(double valence, double energy) {
        BufferedImage image = new BufferedImage(96, 96, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            Color from = Color.getHSBColor((float) (0.66 - 0.55 * valence), 0.7f, 0.35f + 0.5f * (float) energy);
            g.setPaint(new GradientPaint(0, 0, from, 96, 96, from.darker().darker()));
            g.fillRect(0, 0, 96, 96);
            g.setColor(new Color(255, 255, 255, 160));
            g.fillOval(28, 28, 40, 40);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }

    /** The catalog's track of this title; fails the test when there is none. */
    Track track(String title) {
        return catalog.allTracks().stream().filter(t -> t.title().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no track titled '" + title + "' in the test catalog"));
    }

    public long id(String title) {
        return track(title).id();
    }

    /** The PNG bytes stored as this track's cover, or null when it has none. */
    byte[] coverOf(String title) {
        return coversByTitle.get(title);
    }

    // --- camera ----------------------------------------------------------------------------------------------

    /** One analysed frame with one face, large and central, whose expression has these probabilities. */
    void cameraSees(Map<Emotion, Double> probabilities) {
        float[] p = new float[Emotion.values().length];
        probabilities.forEach((e, v) -> p[e.ordinal()] = v.floatValue());
        BoundingBox box = new BoundingBox(240, 140, 400, 300);
        FaceReading face = new FaceReading(new DetectedFace(box, 0.99f, null), new EmotionReading(p));
        moodTracker.accept(new FrameAnalysis(640, 480, List.of(face), new StageTimings(0, 0, 0, 0), null));
    }

    /** {@code p} on one emotion, the rest spread evenly over the other six. */
    static Map<Emotion, Double> mostly(Emotion emotion, double p) {
        Map<Emotion, Double> probabilities = new EnumMap<>(Emotion.class);
        for (Emotion e : Emotion.values()) {
            probabilities.put(e, e == emotion ? p : (1 - p) / 6);
        }
        return probabilities;
    }

    // --- player ----------------------------------------------------------------------------------------------

    /** Waits (bounded) until the player's state matches; real playback starts and reports on its own thread. */
    PlaybackState awaitPlayer(String what, Predicate<PlaybackState> condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        PlaybackState state = player.state();
        while (!condition.test(state)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("player never became " + what + " within " + WAIT.toSeconds()
                        + " s; last state: " + state + "; transitions: " + transitions);
            }
            Thread.sleep(20);
            state = player.state();
        }
        return state;
    }

    /**
     * Playing this track with audio really flowing into the null sink: the decoder thread has opened the sink
     * and written samples (position above zero), so a pause from now on pauses actual audio.
     */
    PlaybackState awaitAudible(long trackId) throws InterruptedException {
        return awaitPlayer("audible with track " + trackId,
                s -> s.status() == Status.PLAYING && s.track() != null && s.track().id() == trackId
                        && NULL_SINK.equals(s.output()) && s.error() == null && s.positionSeconds() > 0);
    }

    @Override
    public void close() {
        try {
            player.close();
        } finally {
            catalog.close();
        }
    }

    /** The real recommender, counted: how often the web room asked for cards. */
    static final class CountingRecommender implements Recommender {
        private final Recommender real;
        private final AtomicInteger calls = new AtomicInteger();

        CountingRecommender(Recommender real) {
            this.real = real;
        }

        @Override
        public List<Recommendation> recommend(Mood mood, int limit) {
            calls.incrementAndGet();
            return real.recommend(mood, limit);
        }

        int calls() {
            return calls.get();
        }
    }
}
