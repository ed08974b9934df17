package org.moodbox.youtube;

import org.moodbox.model.SourceKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.moodbox.catalog.Artwork;
import org.moodbox.catalog.Catalog;
import org.moodbox.catalog.CatalogEntry;
import org.moodbox.model.Track;
import org.moodbox.model.Mood;
import org.moodbox.recommend.OnlineSource;
import org.moodbox.recommend.SourceNotice;
import org.moodbox.recommend.TrackFilter;
import org.moodbox.settings.SecretFile;
import org.moodbox.settings.YoutubeSettings;
import org.moodbox.model.Emotion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * YouTube as an optional source of songs: when the owner turned it on and stored an API key, each
 * recommendation request may start one search (mood words x languages x favourite artists, {@link MoodQueries})
 * on this class's own thread; the videos found go into the catalog as link-only tracks, which the kiosk
 * shows as "watch on your phone" cards.
 *
 * <p>Quota: every search is booked in the {@link QuotaLedger} before it is sent and never beyond the owner's
 * daily budget; answers are cached for {@link Timing#cacheTtl}, so the same search is not paid twice. Faults:
 * 403 quotaExceeded stops searching until midnight Pacific time; other refusals (a bad key) stop until the
 * key or the settings change; 5xx, 429 and timeouts back off (1 minute, doubling to 30). Each leaves a
 * {@link SourceNotice}, and the local library goes on as before: nothing here ever makes a request wait.
 */
public final class YoutubeCandidates implements OnlineSource, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(YoutubeCandidates.class);
    /** The YouTube API Services policies: stored API data must be refreshed or deleted within 30 days. */
    static final Duration MAX_STORAGE = Duration.ofDays(30);

    /**
     * @param cacheTtl     how long a search's answer is reused before it is asked again
     * @param spacing      the least time between two searches (a mood that flickers must not burn the quota)
     * @param firstBackoff the wait after the first failure to reach YouTube; doubles up to {@code maxBackoff}
     * @param thumbnails   how long all thumbnails of one answer may take together
     */
    public record Timing(Duration cacheTtl, Duration spacing, Duration firstBackoff, Duration maxBackoff,
                         Duration thumbnails) {
        public static Timing defaults() {
            return new Timing(Duration.ofDays(7), Duration.ofSeconds(10), Duration.ofMinutes(1),
                    Duration.ofMinutes(30), Duration.ofSeconds(20));
        }
    }

    enum ProblemKind { QUOTA_EXCEEDED, BUDGET_SPENT, UNREACHABLE, REFUSED }

    /** Why searching is paused; {@code until} null means until the owner changes something. */
    record Problem(ProblemKind kind, String detail, Instant until, String keyAtRefusal) {
        boolean blocks(Instant now, String key) {
            return kind == ProblemKind.REFUSED ? key.equals(keyAtRefusal) : now.isBefore(until);
        }
    }

    private final Catalog catalog;
    private final YoutubeStore store;
    private final QuotaLedger ledger;
    private final YoutubeDataApi api;
    private final ThumbnailFetcher thumbnails;
    private final SecretFile apiKey;
    private final Supplier<YoutubeSettings> settings;
    private final Clock clock;
    private final Timing timing;
    private final AtomicBoolean busy = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "moodbox-youtube");
        t.setDaemon(true);
        return t;
    });

    private volatile Problem problem;
    private volatile Instant nextSearchAt = Instant.EPOCH;
    private volatile String lastSearch;
    private volatile Instant lastSearchAt;
    private int failuresInARow;
    private volatile boolean closed;
    /** What the last {@link #settingsChanged()} acted on: a save of other settings changes neither. */
    private volatile Applied applied;

    /** The owner's YouTube settings and key as last applied (never printed: it holds the key). */
    private record Applied(YoutubeSettings settings, Optional<String> key) {
        @Override
        public String toString() {
            return "Applied[" + settings + "]";
        }
    }

    private YoutubeCandidates(Catalog catalog, YoutubeStore store, YoutubeDataApi api, SecretFile apiKey,
                              Supplier<YoutubeSettings> settings, Clock clock, Timing timing) {
        this.catalog = catalog;
        this.store = store;
        this.ledger = new QuotaLedger(store, clock);
        this.api = api;
        this.thumbnails = new ThumbnailFetcher(Duration.ofSeconds(5));
        this.apiKey = apiKey;
        this.settings = settings;
        this.clock = clock;
        this.timing = timing;
        this.applied = new Applied(settings.get(), apiKey.value());
    }

    /**
     * @param catalog  an open catalog (its migration 3 holds this source's tables)
     * @param settings the owner's YouTube settings, read on every request
     */
    public static YoutubeCandidates open(Catalog catalog, YoutubeDataApi api, SecretFile apiKey,
                                         Supplier<YoutubeSettings> settings, Clock clock, Timing timing) {
        YoutubeCandidates source = new YoutubeCandidates(Objects.requireNonNull(catalog),
                YoutubeStore.open(catalog.file()), api, apiKey, settings, clock, timing);
        source.worker.execute(source::tidyAtStart);
        return source;
    }

    @Override
    public SourceKind kind() {
        return SourceKind.YOUTUBE;
    }

    /** Starts at most one search in the background and returns at once. */
    @Override
    public void wanted(Mood mood, TrackFilter filter) {
        YoutubeSettings now = settings.get();
        Optional<String> key = apiKey.value();
        // Nobody in view: no search, the quota is for people.
        if (closed || !now.searchEnabled() || key.isEmpty() || !mood.present()) {
            return;
        }
        if (!busy.compareAndSet(false, true)) {
            return; // one search at a time; the next request will ask again
        }
        try {
            worker.execute(() -> {
                try {
                    searchOnce(mood.emotion(), filter, key.get(), now);
                } catch (RuntimeException e) {
                    LOG.warn("YouTube search failed unexpectedly; the local library is unaffected", e);
                } finally {
                    busy.set(false);
                }
            });
        } catch (RejectedExecutionException e) {
            busy.set(false); // closing
        }
    }

    private void searchOnce(Emotion emotion, TrackFilter filter, String key, YoutubeSettings now) {
        Instant start = clock.instant();
        Problem p = problem;
        if (p != null && p.blocks(start, key)) {
            return;
        }
        if (start.isBefore(nextSearchAt)) {
            return;
        }
        SearchQuery query = MoodQueries.forMood(emotion, filter).stream()
                .filter(q -> store.search(q.key()).map(c -> c.expiresAtMs() <= start.toEpochMilli()).orElse(true))
                .findFirst().orElse(null);
        if (query == null) {
            return; // every search this mood needs has a fresh answer
        }
        if (!ledger.book(YoutubeDataApi.SEARCH_COST, now.dailyQuotaUnits())) {
            boolean googleSaidSo = ledger.exhaustedToday();
            problem = new Problem(googleSaidSo ? ProblemKind.QUOTA_EXCEEDED : ProblemKind.BUDGET_SPENT,
                    googleSaidSo ? "YouTube said the quota is exceeded" : "this box's daily budget of "
                            + now.dailyQuotaUnits() + " units is spent", ledger.nextReset(), null);
            return;
        }
        nextSearchAt = start.plus(timing.spacing());
        lastSearch = query.text() + (query.language() == null ? "" : " [" + query.language() + "]");
        lastSearchAt = start;
        List<Video> videos;
        try {
            videos = api.search(query, key);
        } catch (YoutubeApiException e) {
            failed(e, key);
            return;
        }
        failuresInARow = 0;
        problem = null;
        long nowMs = clock.millis();
        store.saveSearch(query, videos, nowMs, nowMs + timing.cacheTtl().toMillis());
        int added = file(videos, query);
        LOG.info("YouTube search '{}': {} videos, {} new in the catalog ({} of {} units used today)",
                lastSearch, videos.size(), added, ledger.usedToday(), now.dailyQuotaUnits());
        purgeOlderThan(clock.instant().minus(MAX_STORAGE));
    }

    private void failed(YoutubeApiException e, String key) {
        Instant now = clock.instant();
        switch (e.kind()) {
            case QUOTA_EXCEEDED -> {
                ledger.markExhausted();
                problem = new Problem(ProblemKind.QUOTA_EXCEEDED, e.getMessage(), ledger.nextReset(), null);
                LOG.warn("YouTube quota exceeded; no more searches until {} ({})", ledger.nextReset(), e.getMessage());
            }
            case REFUSED -> {
                problem = new Problem(ProblemKind.REFUSED, e.getMessage(), null, key);
                LOG.warn("YouTube refused the search; paused until the key or settings change: {}", e.getMessage());
            }
            case UNAVAILABLE -> {
                failuresInARow++;
                Duration wait = timing.firstBackoff().multipliedBy(1L << Math.min(failuresInARow - 1, 16));
                if (wait.compareTo(timing.maxBackoff()) > 0) {
                    wait = timing.maxBackoff();
                }
                problem = new Problem(ProblemKind.UNREACHABLE, e.getMessage(), now.plus(wait), null);
                LOG.warn("YouTube unavailable ({}); local songs only, next try in {} s", e.getMessage(),
                        wait.toSeconds());
            }
        }
    }

    /** Files the videos as link-only tracks, with their thumbnails where they can be had in time. */
    private int file(List<Video> videos, SearchQuery query) {
        Instant deadline = clock.instant().plus(timing.thumbnails());
        List<CatalogEntry> entries = new ArrayList<>();
        int added = 0;
        for (Video video : videos) {
            Optional<Track> known = catalog.trackByUri(video.watchUrl());
            if (known.isPresent() && !known.get().linkOnly()) {
                continue; // never overwrite a track of another source that happens to share the uri
            }
            Artwork art = known.filter(Track::hasArtwork).flatMap(t -> catalog.artwork(t.id())).orElse(null);
            if (art == null && clock.instant().isBefore(deadline)) {
                art = thumbnails.fetch(video.thumbnailUrl()).orElse(null);
            }
            entries.add(VideoTracks.entry(video, query, art));
            if (known.isEmpty()) {
                added++;
            }
        }
        catalog.inTransaction(() -> entries.forEach(catalog::upsert));
        return added;
    }

    /** Drops videos not seen in a search since {@code before}, from the catalog and the cache. */
    private void purgeOlderThan(Instant before) {
        List<String> ids = store.videosFetchedBefore(before.toEpochMilli()).stream()
                .map(YoutubeStore.StoredVideo::videoId).toList();
        if (!ids.isEmpty()) {
            int removed = catalog.deleteTracks(SourceKind.YOUTUBE, ids.stream().map(VideoIds::watchUrl).toList());
            store.deleteVideos(ids);
            LOG.info("removed {} YouTube videos not refreshed for {} days", removed, MAX_STORAGE.toDays());
        }
    }

    private void tidyAtStart() {
        try {
            if (!settings.get().searchEnabled() || apiKey.value().isEmpty()) {
                removeAll();
            } else {
                purgeOlderThan(clock.instant().minus(MAX_STORAGE));
            }
        } catch (RuntimeException e) {
            LOG.warn("tidying the YouTube cache failed", e);
        }
    }

    /** Every YouTube video leaves the catalog (the source is off or has no key); the quota ledger stays. */
    private void removeAll() {
        List<String> uris = catalog.allTracks().stream().filter(Track::linkOnly).map(Track::uri).toList();
        int removed = uris.isEmpty() ? 0 : catalog.deleteTracks(SourceKind.YOUTUBE, uris);
        store.clearSearches();
        if (removed > 0) {
            LOG.info("YouTube search is off: removed its {} videos from the catalog", removed);
        }
    }

    /**
     * The owner saved settings or changed the key: a refusal or a spent budget may no longer hold, and a
     * source turned off takes its videos out of the catalog. Returns once that is done (on the worker), so
     * the next cards the caller computes are already without them. Every settings save calls this; when the
     * YouTube settings and the key are what the last call saw, it does nothing (it used to clean the catalog
     * on every save, 275 ms and an fsync with 28,784 tracks).
     */
    public void settingsChanged() {
        Applied now = new Applied(settings.get(), apiKey.value());
        if (now.equals(applied)) {
            return; // another room's settings were saved: nothing to redo here, and no catalog write
        }
        applied = now;
        Problem p = problem;
        if (p != null && (p.kind() == ProblemKind.REFUSED || p.kind() == ProblemKind.BUDGET_SPENT)) {
            problem = null;
        }
        nextSearchAt = Instant.EPOCH;
        if (!settings.get().searchEnabled() || apiKey.value().isEmpty()) {
            try {
                worker.submit(this::removeAll).get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                LOG.warn("removing YouTube videos failed", e);
            }
        }
    }

    @Override
    public Optional<SourceNotice> notice() {
        Problem p = problem;
        YoutubeSettings now = settings.get();
        if (p == null || !now.searchEnabled() || apiKey.value().isEmpty()) {
            return Optional.empty();
        }
        Instant at = clock.instant();
        return switch (p.kind()) {
            case QUOTA_EXCEEDED, BUDGET_SPENT -> at.isBefore(p.until()) ? Optional.of(new SourceNotice(kind(),
                    "YouTube suggestions are paused until tomorrow (daily limit reached). Songs on this box "
                            + "play as usual.",
                    (p.kind() == ProblemKind.QUOTA_EXCEEDED
                            ? "YouTube answered \"quota exceeded\": the API key's daily quota is used up. "
                            : "This box has spent its daily YouTube budget of " + now.dailyQuotaUnits()
                                    + " units (" + now.searchesPerDay() + " searches). ")
                            + "Searching resumes at midnight Pacific time, when Google resets the quota.",
                    p.until())) : Optional.empty();
            case UNREACHABLE -> Optional.of(new SourceNotice(kind(),
                    "YouTube can't be reached right now; showing songs on this box.",
                    p.detail() + ". The kiosk shows songs from the local library meanwhile; the next try is "
                            + "at the time below.", p.until()));
            case REFUSED -> Optional.of(new SourceNotice(kind(),
                    "YouTube suggestions are off until the owner checks the settings.",
                    p.detail() + ". Check the API key and that the YouTube Data API v3 is enabled for its "
                            + "Google Cloud project, then save the key again.", null));
        };
    }

    /** For the admin page; reads the ledger and the catalog, so not for the kiosk's hot paths. */
    public YoutubeStatus status() {
        YoutubeSettings now = settings.get();
        boolean keySet = apiKey.value().isPresent();
        return new YoutubeStatus(keySet, apiKey.hint().orElse(null), now.searchEnabled(),
                keySet && now.searchEnabled(), ledger.usedToday(), now.dailyQuotaUnits(),
                YoutubeDataApi.SEARCH_COST, ledger.nextReset(), store.searchCount(),
                catalog.trackCount(SourceKind.YOUTUBE), lastSearch, lastSearchAt, notice().orElse(null));
    }

    /** Where the API key is kept; the admin page sets and removes it there. */
    public SecretFile apiKey() {
        return apiKey;
    }

    /** Waits until the search started so far is done (tests, and an orderly close). */
    void awaitIdle() throws InterruptedException {
        try {
            worker.submit(() -> { }).get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the YouTube worker did not finish", e);
        }
    }

    @Override
    public void close() {
        closed = true;
        worker.shutdownNow();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        store.close();
    }
}
