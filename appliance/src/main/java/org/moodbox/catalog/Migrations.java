package org.moodbox.catalog;

import java.util.List;

/**
 * The catalog schema as numbered steps. Never edit a released step: add the next one, so every catalog on
 * every box reaches the same shape by applying the steps it has not seen, in order.
 */
final class Migrations {
    private Migrations() {
    }

    record Migration(int version, String description, List<String> statements) {
    }

    static final List<Migration> ALL = List.of(
            new Migration(1, "tracks, features, artwork, plays", List.of(
                    """
                    CREATE TABLE tracks (
                      id INTEGER PRIMARY KEY,
                      source TEXT NOT NULL,
                      uri TEXT NOT NULL UNIQUE,
                      title TEXT,
                      artist TEXT,
                      album TEXT,
                      year INTEGER,
                      language TEXT,
                      genres TEXT,
                      duration_seconds REAL NOT NULL DEFAULT 0,
                      explicit INTEGER NOT NULL DEFAULT 0,
                      attribution TEXT,
                      file_size INTEGER,
                      file_mtime_ms INTEGER,
                      updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
                    )""",
                    """
                    CREATE TABLE features (
                      track_id INTEGER PRIMARY KEY REFERENCES tracks(id) ON DELETE CASCADE,
                      valence REAL NOT NULL CHECK (valence BETWEEN 0 AND 1),
                      energy REAL NOT NULL CHECK (energy BETWEEN 0 AND 1),
                      tempo REAL,
                      mode INTEGER CHECK (mode IN (0, 1)),
                      provenance TEXT NOT NULL CHECK (provenance IN ('measured', 'imported', 'estimated'))
                    )""",
                    """
                    CREATE TABLE artwork (
                      track_id INTEGER PRIMARY KEY REFERENCES tracks(id) ON DELETE CASCADE,
                      mime TEXT NOT NULL,
                      bytes BLOB NOT NULL
                    )""",
                    // Minimal on purpose: enough for "no repeats" and likes/skips; the recommender's
                    // history issue will grow it.
                    """
                    CREATE TABLE plays (
                      id INTEGER PRIMARY KEY,
                      track_id INTEGER NOT NULL REFERENCES tracks(id) ON DELETE CASCADE,
                      played_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
                      mood TEXT,
                      feedback INTEGER CHECK (feedback IN (-1, 0, 1))
                    )""")),
            new Migration(2, "indexes for the recommender's filters", List.of(
                    "CREATE INDEX tracks_artist ON tracks(artist COLLATE NOCASE)",
                    "CREATE INDEX tracks_language ON tracks(language)",
                    "CREATE INDEX plays_track ON plays(track_id, played_at)")),
            // Online sources (Spotify, YouTube) cache what their searches found, with an expiry, so the kiosk
            // offers them from the card without asking the service again; the tracks themselves are catalog
            // rows, so play history, artwork and the kiosk's track ids work for them unchanged.
            new Migration(3, "ISRC and the online candidate cache", List.of(
                    "ALTER TABLE tracks ADD COLUMN isrc TEXT",
                    "CREATE INDEX tracks_isrc ON tracks(isrc)",
                    "CREATE INDEX tracks_title_artist ON tracks(title COLLATE NOCASE, artist COLLATE NOCASE)",
                    """
                    CREATE TABLE candidate_queries (
                      source TEXT NOT NULL,
                      query_key TEXT NOT NULL,
                      fetched_at_ms INTEGER NOT NULL,
                      expires_at_ms INTEGER NOT NULL,
                      PRIMARY KEY (source, query_key)
                    )""",
                    """
                    CREATE TABLE candidates (
                      source TEXT NOT NULL,
                      query_key TEXT NOT NULL,
                      track_id INTEGER NOT NULL REFERENCES tracks(id) ON DELETE CASCADE,
                      rank INTEGER NOT NULL,
                      PRIMARY KEY (source, query_key, track_id),
                      FOREIGN KEY (source, query_key) REFERENCES candidate_queries(source, query_key)
                        ON DELETE CASCADE
                    )""",
                    "CREATE INDEX candidates_track ON candidates(track_id)")),
            // The YouTube Data API source (org.moodbox.youtube): its results become link-only tracks
            // (source 'youtube'); these tables remember what was asked, when, and what it cost.
            new Migration(4, "youtube search cache and quota ledger", List.of(
                    """
                    CREATE TABLE youtube_searches (
                      query_key TEXT PRIMARY KEY,
                      query_text TEXT NOT NULL,
                      language TEXT,
                      fetched_at_ms INTEGER NOT NULL,
                      expires_at_ms INTEGER NOT NULL,
                      result_count INTEGER NOT NULL
                    )""",
                    """
                    CREATE TABLE youtube_videos (
                      video_id TEXT PRIMARY KEY,
                      title TEXT NOT NULL,
                      channel_title TEXT,
                      thumbnail_url TEXT,
                      query_key TEXT NOT NULL,
                      fetched_at_ms INTEGER NOT NULL
                    )""",
                    "CREATE INDEX youtube_videos_fetched ON youtube_videos(fetched_at_ms)",
                    // One row per quota day; Google's day runs midnight to midnight Pacific time.
                    """
                    CREATE TABLE youtube_quota (
                      pacific_day TEXT PRIMARY KEY,
                      units_used INTEGER NOT NULL DEFAULT 0 CHECK (units_used >= 0),
                      exhausted INTEGER NOT NULL DEFAULT 0 CHECK (exhausted IN (0, 1))
                    )""")),
            new Migration(5, "how each track's language was found; the owner's language per artist", List.of(
                    // tag, title-script, genre, artist-script, instrumental (LanguageGuess), or NULL: unknown
                    "ALTER TABLE tracks ADD COLUMN language_source TEXT",
                    // NOCASE: the owner types "abba" for the tracks tagged "ABBA". Wins over every guess.
                    """
                    CREATE TABLE artist_languages (
                      artist TEXT PRIMARY KEY COLLATE NOCASE,
                      language TEXT NOT NULL,
                      set_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
                    )""")),
            // The perceived-mood model (recommend.PerceivedMood) reads these cues besides valence and energy;
            // NULL where a source does not know them (local analysis, search estimates).
            new Migration(6, "loudness, acousticness and danceability for the perceived-mood model", List.of(
                    "ALTER TABLE features ADD COLUMN loudness REAL",
                    "ALTER TABLE features ADD COLUMN acousticness REAL CHECK (acousticness BETWEEN 0 AND 1)",
                    "ALTER TABLE features ADD COLUMN danceability REAL CHECK (danceability BETWEEN 0 AND 1)")));

    static int latestVersion() {
        return ALL.get(ALL.size() - 1).version();
    }
}
