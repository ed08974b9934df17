package org.moodbox.spotify;

import org.moodbox.model.SpotifyUri;
import org.moodbox.model.SourceKind;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.moodbox.catalog.CandidateCache;
import org.moodbox.catalog.CatalogEntry;
import org.moodbox.model.Features;
import org.moodbox.model.Track;
import org.moodbox.recommend.CandidateSource;
import org.moodbox.settings.Settings;
import org.moodbox.model.Emotion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.michaelthelin.spotify.model_objects.specification.Paging;
import se.michaelthelin.spotify.model_objects.specification.PlaylistSimplified;
import se.michaelthelin.spotify.model_objects.specification.SavedTrack;

/**
 * Spotify's part of the cards. A background sweep asks only what the cache does not hold fresh (searches by
 * mood word x language x favourite artist, the user's saved tracks and mood-named playlists) and writes the
 * answers to the catalog's candidate cache; {@link #candidates()} hands the cached tracks to the recommender
 * without any I/O, and none at all while Spotify is unlinked or failing, so the kiosk never waits and falls
 * back to the local library by itself.
 *
 * <p>Features: the catalog's own (measured or imported, found by uri, ISRC or title and artist) when it knows
 * the song; else the mood of the search or playlist that found it (provenance "estimated"). Saved tracks
 * found by neither stay unranked.
 */
public final class SpotifyCandidates implements CandidateSource, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SpotifyCandidates.class);
    public static final SourceKind SOURCE = SourceKind.SPOTIFY;
    static final Duration TTL = Duration.ofHours(24);
    /** Answers to a search (development-mode apps get at most 10 per page in 2026). */
    static final int SEARCH_LIMIT = 10;
    static final int PLAYLISTS_PER_QUERY = 2;
    static final int PLAYLIST_ITEMS = 20;
    static final Duration SWEEP_PATIENCE = Duration.ofSeconds(60);
    static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    static final Duration LAST_RETRY = Duration.ofMinutes(30);

    private final SpotifyWeb web;
    private final CandidateCache cache;
    private final Supplier<Settings> settings;
    private final Clock clock;
    private final Duration betweenCalls;
    private final ArtworkFetcher artwork;
    private final ObjectMapper json = new ObjectMapper();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "moodbox-spotify-candidates");
        t.setDaemon(true);
        return t;
    });
    private volatile List<Track> snapshot = List.of();
    private volatile String lastSweep = "not yet";
    private Duration retry = FIRST_RETRY;
    private ScheduledFuture<?> retryTask;

    public SpotifyCandidates(SpotifyWeb web, CandidateCache cache, Supplier<Settings> settings, Clock clock,
                             Duration betweenCalls, Duration httpTimeout) {
        this.web = web;
        this.cache = cache;
        this.settings = settings;
        this.clock = clock;
        this.betweenCalls = betweenCalls;
        this.artwork = new ArtworkFetcher(httpTimeout);
    }

    /** Loads what the cache holds, then sweeps now and every half hour; links and settings changes sweep at once. */
    public void start() {
        worker.execute(this::reload);
        worker.scheduleWithFixedDelay(this::sweepQuietly, 0, 30, TimeUnit.MINUTES);
        web.account().subscribe(this::sweepSoon);
    }

    /** Asks for a sweep on the worker thread; the future completes when it is done (tests wait on it). */
    public CompletableFuture<Void> sweepSoon() {
        return CompletableFuture.runAsync(this::sweepQuietly, worker);
    }

    @Override
    public SourceKind sourceKind() {
        return SOURCE;
    }

    @Override
    public List<Track> candidates() {
        return usable() ? snapshot : List.of();
    }

    /** Linked and answering; a rate limit also takes Spotify's cards away (playing them would fail too). */
    public boolean usable() {
        return web.account().linked() && web.health().ok();
    }

    /** One line for the admin page: how many candidates, when the last sweep ended and how. */
    public String summary() {
        return snapshot.size() + " Spotify tracks cached; last refresh: " + lastSweep;
    }

    private void sweepQuietly() {
        try {
            sweep();
            retry = FIRST_RETRY;
        } catch (SpotifyException e) {
            lastSweep = clock.instant() + " stopped: " + e.getMessage();
            if (e.kind() == SpotifyException.Kind.NOT_LINKED || e.kind() == SpotifyException.Kind.RELINK) {
                LOG.info("Spotify candidates: {}", e.getMessage());
            } else {
                LOG.warn("Spotify candidates: {}; trying again in {} min", e.getMessage(), retry.toMinutes());
                scheduleRetry(e.retryAt() != null
                        ? Duration.between(clock.instant(), e.retryAt()).plusSeconds(1) : retry);
                retry = retry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retry.multipliedBy(2);
            }
        } catch (RuntimeException e) {
            lastSweep = clock.instant() + " failed: " + e;
            LOG.warn("Spotify candidates sweep failed", e);
        } finally {
            artwork.endSweep();
            reload();
        }
    }

    private synchronized void scheduleRetry(Duration after) {
        if (retryTask != null) {
            retryTask.cancel(false);
        }
        long ms = Math.max(1000, after.toMillis());
        retryTask = worker.schedule(this::sweepQuietly, ms, TimeUnit.MILLISECONDS);
    }

    private void sweep() {
        if (!web.account().linked()) {
            throw new SpotifyException(SpotifyException.Kind.NOT_LINKED, "no Spotify account linked; nothing to fetch");
        }
        long now = clock.millis();
        cache.purgeExpired(now);
        Settings s = settings.get();
        int asked = 0;
        for (MoodQueries.Query q : MoodQueries.all(s.languages(), s.favouriteArtists())) {
            String trackKey = q.key("tracks");
            if (!cache.isFresh(trackKey, now)) {
                var page = web.call("searching tracks '" + q.text() + "'", SWEEP_PATIENCE,
                        api -> api.searchTracks(q.text()).limit(SEARCH_LIMIT).build());
                List<SpotifyTrackInfo> found = new ArrayList<>();
                if (page.getItems() != null) {
                    for (var t : page.getItems()) {
                        found.add(SpotifyTrackInfo.of(t));
                    }
                }
                store(trackKey, found, q.emotion(), q.language());
                asked++;
                pause();
            }
            if (q.artist() == null && !cache.isFresh(q.key("playlists"), now)) {
                Paging<PlaylistSimplified> lists = web.call("searching playlists '" + q.text() + "'", SWEEP_PATIENCE,
                        api -> api.searchPlaylists(q.text()).limit(SEARCH_LIMIT).build());
                List<SpotifyTrackInfo> found = new ArrayList<>();
                int taken = 0;
                for (PlaylistSimplified p : lists.getItems() == null ? new PlaylistSimplified[0] : lists.getItems()) {
                    // Spotify-owned editorial playlists are closed to new apps since Nov 2024: do not ask.
                    if (p == null || taken >= PLAYLISTS_PER_QUERY
                            || (p.getOwner() != null && "spotify".equals(p.getOwner().getId()))) {
                        continue;
                    }
                    found.addAll(playlistTracks(p.getId(), p.getName()));
                    taken++;
                    pause();
                }
                store(q.key("playlists"), found, q.emotion(), q.language());
                asked++;
                pause();
            }
        }
        asked += sweepLibrary(now, s);
        lastSweep = clock.instant() + " ok (" + asked + " questions asked)";
        LOG.info("Spotify candidates refreshed: {} questions asked", asked);
    }

    /** The user's saved tracks and the user's own playlists whose names speak of a mood. */
    private int sweepLibrary(long now, Settings s) {
        int asked = 0;
        String language = s.languages().isEmpty() ? null : s.languages().get(0);
        if (!cache.isFresh("saved", now)) {
            Paging<SavedTrack> saved = web.call("reading saved tracks", SWEEP_PATIENCE,
                    api -> api.getUsersSavedTracks().limit(50).build());
            List<SpotifyTrackInfo> found = new ArrayList<>();
            for (SavedTrack t : saved.getItems() == null ? new SavedTrack[0] : saved.getItems()) {
                if (t != null && t.getTrack() != null) {
                    found.add(SpotifyTrackInfo.of(t.getTrack()));
                }
            }
            store("saved", found, null, language);
            asked++;
            pause();
        }
        if (!cache.isFresh("my-playlists", now)) {
            Paging<PlaylistSimplified> mine = web.call("reading your playlists", SWEEP_PATIENCE,
                    api -> api.getListOfCurrentUsersPlaylists().limit(50).build());
            asked++;
            for (PlaylistSimplified p : mine.getItems() == null ? new PlaylistSimplified[0] : mine.getItems()) {
                Emotion e = p == null ? null : MoodQueries.emotionOfName(p.getName());
                if (e == null) {
                    continue;
                }
                pause();
                store("my-playlist|" + p.getId(), playlistTracks(p.getId(), p.getName()), e, language);
                asked++;
            }
            cache.store("my-playlists", List.of(), now, TTL.toMillis());
        }
        return asked;
    }

    private List<SpotifyTrackInfo> playlistTracks(String id, String name) {
        String body = web.call("reading playlist '" + name + "'", SWEEP_PATIENCE,
                api -> PlaylistItemsRequest.of(api, id, PLAYLIST_ITEMS));
        try {
            return SpotifyTrackInfo.fromPlaylistItems(json.readTree(body));
        } catch (java.io.IOException e) {
            throw new SpotifyException(SpotifyException.Kind.UNAVAILABLE, "playlist '" + name
                    + "' came back unreadable: " + e.getMessage(), null, e);
        }
    }

    /** @param emotion the mood of the query, or null (saved tracks: only the catalog's features count) */
    private void store(String key, List<SpotifyTrackInfo> found, Emotion emotion, String language) {
        List<CandidateCache.Found> entries = new ArrayList<>();
        for (SpotifyTrackInfo t : found) {
            if (!SpotifyUri.isTrack(t.uri())) {
                continue;
            }
            Optional<Features> known = cache.knownFeatures(t.uri(), t.isrc(), t.title(), t.artist());
            Features features = known.orElse(emotion == null ? null : MoodQueries.estimate(emotion));
            boolean isNew = !cache.knows(t.uri());
            entries.add(new CandidateCache.Found(new CatalogEntry(SOURCE, t.uri(), t.title(), t.artist(), t.album(),
                    t.year(), language, List.of(), t.durationSeconds(), t.explicit(), "Spotify", null, features, null,
                    isNew ? artwork.fetch(t.imageUrl()) : null), t.isrc()));
        }
        cache.store(key, entries, clock.millis(), TTL.toMillis());
    }

    private void reload() {
        try {
            snapshot = List.copyOf(cache.liveTracks(clock.millis()));
        } catch (RuntimeException e) {
            LOG.warn("reading cached Spotify candidates failed", e);
        }
    }

    private void pause() {
        try {
            Thread.sleep(betweenCalls.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpotifyException(SpotifyException.Kind.UNAVAILABLE, "stopped", null, e);
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
