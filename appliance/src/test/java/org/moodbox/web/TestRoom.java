package org.moodbox.web;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.moodbox.catalog.Artwork;
import org.moodbox.catalog.ArtworkStore;
import org.moodbox.catalog.Features;
import org.moodbox.catalog.Track;
import org.moodbox.mood.Mood;
import org.moodbox.mood.MoodFeed;
import org.moodbox.playback.PlaybackState;
import org.moodbox.playback.PlaybackState.Status;
import org.moodbox.playback.Player;
import org.moodbox.recommend.Recommendation;
import org.moodbox.recommend.Recommender;
import org.moodbox.vision.Emotion;

/**
 * TEST STAND-INS for the rooms the web room talks to, all in this one file so they can be swapped for the
 * real classes (mood tracker, SQLite catalog and recommender, local player) once those are merged.
 *
 * <p>They are small but honest: the feed applies overrides and calls its listeners on its own thread, the
 * recommender really ranks by distance to the mood's valence/arousal point, and the player records every
 * state transition and notifies on its own thread, like the real ones will. Tracks are the freely licensed
 * Debian music packages (real titles and licences); their features are estimates made up for the tests.
 */
final class TestRoom implements AutoCloseable {
    final TestTracks tracks = new TestTracks();
    final InMemoryMoodFeed moodFeed = new InMemoryMoodFeed();
    final DistanceRecommender recommender = new DistanceRecommender(tracks);
    final RecordingPlayer player = new RecordingPlayer();
    final MapArtworkStore artwork = new MapArtworkStore();

    WebServer startServer() {
        return new WebServer(moodFeed, recommender, player, artwork, tracks, "127.0.0.1", 0);
    }

    @Override
    public void close() {
        moodFeed.close();
        player.close();
    }

    /** Twelve real, freely licensed tracks (Debian singularity-music and wesnoth-1.16-music). */
    static final class TestTracks implements TrackLookup {
        private static final String CC_BY_SA = "Maxstack, CC BY-SA 3.0 (Debian singularity-music)";
        private static final String GPL = ", GPL-2+ (Debian wesnoth-1.16-music)";
        private final Map<Long, Track> byId = new LinkedHashMap<>();

        TestTracks() {
            add(1, "A New Journey", "Maxstack", "Endgame: Singularity", 327.3, CC_BY_SA, 0.62, 0.45);
            add(2, "Awakening", "Maxstack", "Endgame: Singularity", 208.0, CC_BY_SA, 0.70, 0.35);
            add(3, "Through Space", "Maxstack", "Endgame: Singularity", 233.7, CC_BY_SA, 0.55, 0.25);
            add(4, "Chimes They Fade", "Maxstack", "Endgame: Singularity", 42.7, CC_BY_SA, 0.30, 0.15);
            add(5, "Nebula", "Maxstack", "Endgame: Singularity", 316.8, CC_BY_SA, 0.45, 0.30);
            add(6, "Battle Epic", "Doug Kaufman", "The Battle for Wesnoth OST", 74.1, "Doug Kaufman" + GPL, 0.25, 0.90);
            add(7, "Breaking the Chains", "Mattias Westlund", "The Battle for Wesnoth OST", 214.0,
                    "Mattias Westlund" + GPL, 0.80, 0.75);
            add(8, "Casualties of War", "Tyler Johnson", "The Battle for Wesnoth OST", 325.0,
                    "Tyler Johnson" + GPL, 0.15, 0.55);
            add(9, "Elvish Theme", "Doug Kaufman", "The Battle for Wesnoth OST", 205.2, "Doug Kaufman" + GPL, 0.75,
                    0.30);
            add(10, "Heroes Rite", "Doug Kaufman", "The Battle for Wesnoth OST", 219.1, "Doug Kaufman" + GPL, 0.85,
                    0.65);
            add(11, "Into the Shadows", "Tyler Johnson", "The Battle for Wesnoth OST", 211.6, "Tyler Johnson" + GPL,
                    0.20, 0.40);
            add(12, "Journey's End", "Mattias Westlund", "The Battle for Wesnoth OST", 224.0,
                    "Mattias Westlund" + GPL, 0.90, 0.55);
        }

        private void add(long id, String title, String artist, String album, double seconds, String attribution,
                         double valence, double energy) {
            byId.put(id, new Track(id, "local", "file:///usr/share/games/test/" + id + ".ogg", title, artist, album,
                    null, "instrumental", seconds, false, attribution,
                    new Features(valence, energy, null, "estimated")));
        }

        List<Track> all() {
            return List.copyOf(byId.values());
        }

        @Override
        public Optional<Track> byId(long id) {
            return Optional.ofNullable(byId.get(id));
        }

        @Override
        public long count() {
            return byId.size();
        }
    }

    /** A mood feed without a camera: starts neutral, takes overrides and pushed readings, notifies off-thread. */
    static final class InMemoryMoodFeed implements MoodFeed, AutoCloseable {
        private final List<Consumer<Mood>> listeners = new CopyOnWriteArrayList<>();
        private final ExecutorService trackerThread = Executors.newSingleThreadExecutor();
        private volatile Mood current = new Mood(Emotion.NEUTRAL,
                Map.of(Emotion.NEUTRAL, 0.71, Emotion.HAPPY, 0.18, Emotion.SAD, 0.11), Emotion.NEUTRAL.valence(),
                Emotion.NEUTRAL.arousal(), 0.71, true, true, "camera", Instant.now());

        @Override
        public Mood current() {
            return current;
        }

        @Override
        public void subscribe(Consumer<Mood> listener) {
            listeners.add(listener);
        }

        @Override
        public void override(Emotion emotion) {
            publish(Mood.chosen(emotion, Instant.now()));
        }

        /** What the tracker would do with a new camera reading. */
        void publish(Mood mood) {
            current = mood;
            trackerThread.execute(() -> listeners.forEach(l -> l.accept(mood)));
        }

        @Override
        public void close() {
            trackerThread.shutdownNow();
        }
    }

    /** Ranks every track by distance between (valence, energy) and the mood's (valence, arousal). */
    static final class DistanceRecommender implements Recommender {
        private final TestTracks tracks;
        final List<Mood> asked = new CopyOnWriteArrayList<>();

        DistanceRecommender(TestTracks tracks) {
            this.tracks = tracks;
        }

        @Override
        public List<Recommendation> recommend(Mood mood, int limit) {
            asked.add(mood);
            return tracks.all().stream()
                    .map(t -> {
                        double d = Math.hypot(t.features().valence() - mood.valence(),
                                t.features().energy() - mood.arousal());
                        return new Recommendation(t, 1 - d, reason(mood, t.features()));
                    })
                    .sorted(Comparator.comparingDouble(Recommendation::score).reversed())
                    .limit(limit)
                    .toList();
        }

        private static String reason(Mood mood, Features f) {
            String feel = (f.valence() >= 0.5 ? "bright" : "dark") + " and " + (f.energy() >= 0.5 ? "lively" : "calm");
            return feel + ", close to " + mood.label();
        }
    }

    /** Plays nothing audible; keeps the state a real player would report and every transition it went through. */
    static final class RecordingPlayer implements Player {
        static final String OUTPUT = "null sink (no sound device)";
        final List<PlaybackState> transitions = new CopyOnWriteArrayList<>();
        private final List<Consumer<PlaybackState>> listeners = new CopyOnWriteArrayList<>();
        private final ExecutorService playerThread = Executors.newSingleThreadExecutor();
        private PlaybackState state = new PlaybackState(null, Status.STOPPED, 0, 0.6, OUTPUT, null);

        @Override
        public synchronized void play(Track track) {
            change(new PlaybackState(track, Status.PLAYING, 0, state.volume(), OUTPUT, null));
        }

        @Override
        public synchronized void pause() {
            if (state.status() == Status.PLAYING) {
                change(new PlaybackState(state.track(), Status.PAUSED, 12.5, state.volume(), OUTPUT, null));
            }
        }

        @Override
        public synchronized void resume() {
            if (state.status() == Status.PAUSED) {
                change(new PlaybackState(state.track(), Status.PLAYING, state.positionSeconds(), state.volume(),
                        OUTPUT, null));
            }
        }

        @Override
        public synchronized void stop() {
            change(new PlaybackState(null, Status.STOPPED, 0, state.volume(), OUTPUT, null));
        }

        @Override
        public synchronized void setVolume(double volume) {
            change(new PlaybackState(state.track(), state.status(), state.positionSeconds(), volume, OUTPUT, null));
        }

        @Override
        public synchronized PlaybackState state() {
            return state;
        }

        @Override
        public void subscribe(Consumer<PlaybackState> listener) {
            listeners.add(listener);
        }

        private void change(PlaybackState next) {
            state = next;
            transitions.add(next);
            playerThread.execute(() -> listeners.forEach(l -> l.accept(next)));
        }

        @Override
        public void close() {
            playerThread.shutdownNow();
        }
    }

    /** Covers for some tracks only, so both the stored and the placeholder path are exercised. */
    static final class MapArtworkStore implements ArtworkStore {
        private final Map<Long, Artwork> covers = new java.util.concurrent.ConcurrentHashMap<>();

        void put(long trackId, Artwork artwork) {
            covers.put(trackId, artwork);
        }

        @Override
        public Optional<Artwork> artwork(long trackId) {
            return Optional.ofNullable(covers.get(trackId));
        }
    }
}
