package org.moodbox.catalog;

import org.moodbox.model.Features;
import org.moodbox.model.Track;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The music catalog: one SQLite file (WAL, so the web page can read while a scan writes). Opening it applies
 * the pending {@link Migrations} in one transaction; a file that is not SQLite, or is someone else's database,
 * is refused with a message that says so and is never modified.
 *
 * <p>One connection, guarded by this object's lock: SQLite serialises writers anyway, and the appliance is
 * one process.
 */
public final class Catalog implements ArtworkStore, ArtistLanguages, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Catalog.class);
    private static final String TRACK_COLUMNS = """
            t.id, t.source, t.uri, t.title, t.artist, t.album, t.year,
            COALESCE(al.language, t.language) AS language, t.duration_seconds,
            t.attribution, (a.track_id IS NOT NULL) AS has_artwork,
            f.valence, f.energy, f.tempo, f.provenance, f.mode, f.loudness, f.acousticness, f.danceability
            FROM tracks t LEFT JOIN features f ON f.track_id = t.id LEFT JOIN artwork a ON a.track_id = t.id
            LEFT JOIN artist_languages al ON al.artist = t.artist""";

    private final Path file;
    private final Connection connection;
    private int transactionDepth;

    private Catalog(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** Opens (creating if absent) the catalog file and brings its schema up to date. */
    public static Catalog open(Path file) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
        } catch (java.io.IOException e) {
            throw new CatalogException("cannot create the folder for catalog " + file + ": " + e.getMessage(), e);
        }
        Connection connection;
        try {
            java.util.Properties properties = new java.util.Properties();
            // Otherwise the driver runs an extra "SELECT last_insert_rowid()", prepared anew, after every INSERT:
            // a third of the import's time. Ids come from RETURNING instead.
            properties.setProperty("jdbc.get_generated_keys", "false");
            connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), properties);
        } catch (SQLException e) {
            throw new CatalogException("cannot open catalog " + file + ": " + e.getMessage(), e);
        }
        try {
            Catalog catalog = new Catalog(file, connection);
            catalog.configureAndMigrate();
            return catalog;
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            if (e instanceof CatalogException ce) {
                throw ce;
            }
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            if (message.contains("SQLITE_NOTADB") || message.contains("SQLITE_CORRUPT")) {
                throw new CatalogException("catalog " + file + " is not an SQLite database (or is corrupt); "
                        + "move it away and a new catalog will be created: " + message, e);
            }
            throw new CatalogException("cannot open catalog " + file + ": " + message, e);
        }
    }

    private void configureAndMigrate() throws SQLException {
        try (Statement s = connection.createStatement()) {
            // The first statement reads the header: a non-SQLite file fails here, before anything is written.
            s.executeQuery("PRAGMA schema_version").close();
            s.execute("PRAGMA foreign_keys = ON");
            s.execute("PRAGMA busy_timeout = 5000");
            s.executeQuery("PRAGMA journal_mode = WAL").close();
            // The box loses power whenever its owner pulls the plug. FULL fsyncs the WAL at every commit, so a
            // commit that returned (a like, a play, a scanned track) is on the card. NORMAL, the usual WAL
            // choice, never corrupts either but may lose the last commits. sqlite-jdbc 3.51 happens to be
            // built with FULL as its WAL default; said here so a driver change cannot silently weaken it.
            // The cost is one fsync per transaction: nothing next to decoding a file per scanned track, and
            // the feature-table import runs in one transaction. CatalogPowerLossTest checks the kill -9 half.
            s.execute("PRAGMA synchronous = FULL");
            boolean hasVersionTable = exists(s, "SELECT 1 FROM sqlite_master WHERE type='table' AND name='schema_version'");
            boolean hasOtherTables = exists(s, "SELECT 1 FROM sqlite_master WHERE type='table' AND name<>'schema_version'");
            if (!hasVersionTable && hasOtherTables) {
                throw new CatalogException("catalog " + file + " is an SQLite database but not a Moodbox catalog "
                        + "(no schema_version table); refusing to change it");
            }
            s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description TEXT,"
                    + " applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))");
        }
        int current = schemaVersion();
        if (current > Migrations.latestVersion()) {
            throw new CatalogException("catalog " + file + " has schema version " + current
                    + ", newer than this Moodbox knows (" + Migrations.latestVersion() + "); update Moodbox");
        }
        if (current == Migrations.latestVersion()) {
            return;
        }
        // All steps in one transaction: a step that fails takes the earlier ones back with it, so the file stays
        // exactly as the older Moodbox left it, and the message says which step and that nothing changed.
        inTransaction(() -> {
            Migrations.Migration step = null;
            try (Statement s = connection.createStatement();
                 PreparedStatement mark = connection.prepareStatement(
                         "INSERT INTO schema_version(version, description) VALUES (?, ?)")) {
                for (Migrations.Migration m : Migrations.ALL) {
                    if (m.version() <= current) {
                        continue;
                    }
                    step = m;
                    for (String sql : m.statements()) {
                        s.execute(sql);
                    }
                    mark.setInt(1, m.version());
                    mark.setString(2, m.description());
                    mark.executeUpdate();
                    log.info("catalog {}: applied migration {} ({})", file, m.version(), m.description());
                }
            } catch (SQLException e) {
                throw new CatalogException("upgrading catalog " + file + " from schema version " + current + " to "
                        + Migrations.latestVersion() + " failed at step " + (step == null ? "?" : step.version() + " ("
                        + step.description() + ")") + ": " + e.getMessage() + "; nothing was changed, the catalog is"
                        + " still at version " + current + " with all its tracks", e);
            }
        });
    }

    private static boolean exists(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            return rs.next();
        }
    }

    /** For the other catalog-room classes that own their own tables; callers synchronise on this catalog. */
    Connection connection() {
        return connection;
    }

    public Path file() {
        return file;
    }

    public synchronized int schemaVersion() {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        } catch (SQLException e) {
            throw failure("reading the schema version", e);
        }
    }

    /**
     * Runs the work in one transaction: everything it wrote is committed, or (on any exception) nothing is.
     * Nested calls join the outer transaction.
     */
    public synchronized void inTransaction(Runnable work) {
        if (transactionDepth > 0) {
            transactionDepth++;
            try {
                work.run();
            } finally {
                transactionDepth--;
            }
            return;
        }
        try {
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw failure("starting a transaction", e);
        }
        transactionDepth = 1;
        boolean committed = false;
        try {
            work.run();
            connection.commit();
            committed = true;
        } catch (SQLException e) {
            throw failure("committing", e);
        } finally {
            transactionDepth = 0;
            try {
                if (!committed) {
                    connection.rollback();
                }
                connection.setAutoCommit(true);
            } catch (SQLException e) {
                log.error("catalog {}: rollback failed: {}", file, e.getMessage());
            }
        }
    }

    /** Inserts the track or, when its uri is known, replaces what the source says about it. Returns its id. */
    public synchronized long upsert(CatalogEntry e) {
        long[] id = new long[1];
        inTransaction(() -> {
            try (Writer writer = new Writer()) {
                id[0] = writer.upsert(e);
            }
        });
        return id[0];
    }

    /**
     * Many upserts in one transaction with statements prepared once: all of them are stored, or (when the
     * work throws) none. The feature-table import's path; a larger page cache while it runs keeps the uri
     * index in memory (restored after, so the box's steady-state memory stays small).
     */
    public synchronized void writeAll(java.util.function.Consumer<Writer> work) {
        setCacheKib(BULK_CACHE_KIB);
        try {
            inTransaction(() -> {
                try (Writer writer = new Writer()) {
                    work.accept(writer);
                }
            });
        } finally {
            setCacheKib(DEFAULT_CACHE_KIB);
        }
    }

    private static final int BULK_CACHE_KIB = 64 * 1024;
    private static final int DEFAULT_CACHE_KIB = 2000; // SQLite's default

    private void setCacheKib(int kib) {
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA cache_size = -" + kib);
        } catch (SQLException e) {
            log.debug("catalog {}: cache_size not changed: {}", file, e.getMessage());
        }
    }

    /** Writes entries with statements prepared once; only inside {@link #upsert} or {@link #writeAll}. */
    public final class Writer implements AutoCloseable {
        private final PreparedStatement track;
        private final PreparedStatement deleteFeatures;
        private final PreparedStatement insertFeatures;
        private final PreparedStatement deleteArtwork;
        private final PreparedStatement insertArtwork;

        private Writer() {
            try {
                // RETURNING gives the id of the inserted or updated row in the same step (SQLite 3.35+).
                track = connection.prepareStatement("""
                        INSERT INTO tracks(source, uri, title, artist, album, year, language, genres, duration_seconds,
                                           explicit, attribution, file_size, file_mtime_ms, language_source)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT(uri) DO UPDATE SET source = excluded.source, title = excluded.title,
                          artist = excluded.artist, album = excluded.album, year = excluded.year,
                          language = excluded.language, genres = excluded.genres,
                          duration_seconds = excluded.duration_seconds, explicit = excluded.explicit,
                          attribution = excluded.attribution, file_size = excluded.file_size,
                          file_mtime_ms = excluded.file_mtime_ms, language_source = excluded.language_source,
                          updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
                        RETURNING id""");
                deleteFeatures = connection.prepareStatement("DELETE FROM features WHERE track_id = ?");
                insertFeatures = connection.prepareStatement(
                        "INSERT OR REPLACE INTO features(track_id, valence, energy, tempo, mode, provenance, loudness, acousticness,"
                                + " danceability) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
                deleteArtwork = connection.prepareStatement("DELETE FROM artwork WHERE track_id = ?");
                insertArtwork = connection.prepareStatement("INSERT INTO artwork(track_id, mime, bytes) VALUES (?, ?, ?)");
            } catch (SQLException ex) {
                close();
                throw failure("preparing writes", ex);
            }
        }

        /** Inserts or replaces one entry; returns its track id. */
        public long upsert(CatalogEntry e) {
            try {
                long id = upsertTrackRow(e);
                if (e.features() == null) {
                    deleteFeatures.setLong(1, id);
                    deleteFeatures.executeUpdate();
                } else {
                    insertFeatures(id, e.features(), e.mode());
                }
                deleteArtwork.setLong(1, id);
                deleteArtwork.executeUpdate();
                if (e.artwork() != null) {
                    insertArtwork.setLong(1, id);
                    insertArtwork.setString(2, e.artwork().mimeType());
                    insertArtwork.setBytes(3, e.artwork().data());
                    insertArtwork.executeUpdate();
                }
                return id;
            } catch (SQLException ex) {
                throw failure("saving " + e.uri(), ex);
            }
        }

        private long upsertTrackRow(CatalogEntry e) throws SQLException {
            PreparedStatement ps = track;
            ps.setString(1, e.source());
            ps.setString(2, e.uri());
            ps.setString(3, e.title());
            ps.setString(4, e.artist());
            ps.setString(5, e.album());
            setNullableInt(ps, 6, e.year());
            ps.setString(7, e.language());
            ps.setString(8, e.genres().isEmpty() ? null : String.join("|", e.genres()));
            ps.setDouble(9, e.durationSeconds());
            ps.setInt(10, e.explicit() ? 1 : 0);
            ps.setString(11, e.attribution());
            if (e.fileStamp() == null) {
                ps.setNull(12, Types.INTEGER);
                ps.setNull(13, Types.INTEGER);
            } else {
                ps.setLong(12, e.fileStamp().size());
                ps.setLong(13, e.fileStamp().mtimeMillis());
            }
            ps.setString(14, e.languageSource());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }

        private void insertFeatures(long trackId, Features f, Integer mode) throws SQLException {
            PreparedStatement ps = insertFeatures;
            ps.setLong(1, trackId);
            ps.setDouble(2, f.valence());
            ps.setDouble(3, f.energy());
            if (f.tempo() == null) {
                ps.setNull(4, Types.REAL);
            } else {
                ps.setDouble(4, f.tempo());
            }
            setNullableInt(ps, 5, mode != null ? mode : f.mode());
            ps.setString(6, f.provenance());
            setNullableDouble(ps, 7, f.loudness());
            setNullableDouble(ps, 8, f.acousticness());
            setNullableDouble(ps, 9, f.danceability());
            ps.executeUpdate();
        }

        @Override
        public void close() {
            for (PreparedStatement ps : new PreparedStatement[] {track, deleteFeatures, insertFeatures, deleteArtwork,
                    insertArtwork}) {
                if (ps != null) {
                    try {
                        ps.close();
                    } catch (SQLException ignored) {
                        // closing a statement cannot lose data; the transaction decides that
                    }
                }
            }
        }
    }

    private static void setNullableInt(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }

    private static void setNullableDouble(PreparedStatement ps, int index, Double value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.REAL);
        } else {
            ps.setDouble(index, value);
        }
    }

    public synchronized Optional<Track> track(long id) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + TRACK_COLUMNS + " WHERE t.id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(readTrack(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("reading track " + id, e);
        }
    }

    public synchronized Optional<Track> trackByUri(String uri) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + TRACK_COLUMNS + " WHERE t.uri = ?")) {
            ps.setString(1, uri);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(readTrack(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("reading track " + uri, e);
        }
    }

    public synchronized List<Track> allTracks() {
        List<Track> tracks = new ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + TRACK_COLUMNS + " ORDER BY t.id")) {
            while (rs.next()) {
                tracks.add(readTrack(rs));
            }
            return tracks;
        } catch (SQLException e) {
            throw failure("reading tracks", e);
        }
    }

    public synchronized int trackCount() {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM tracks")) {
            return rs.next() ? rs.getInt(1) : 0;
        } catch (SQLException e) {
            throw failure("counting tracks", e);
        }
    }

    /** Size and mtime of every track of a source, by uri: what an incremental rescan compares against. */
    public synchronized Map<String, FileStamp> fileStamps(String source) {
        Map<String, FileStamp> stamps = new HashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT uri, file_size, file_mtime_ms FROM tracks WHERE source = ? AND file_size IS NOT NULL")) {
            ps.setString(1, source);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    stamps.put(rs.getString(1), new FileStamp(rs.getLong(2), rs.getLong(3)));
                }
            }
            return stamps;
        } catch (SQLException e) {
            throw failure("reading file stamps", e);
        }
    }

    @Override
    public synchronized Optional<Artwork> artwork(long trackId) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT bytes, mime FROM artwork WHERE track_id = ?")) {
            ps.setLong(1, trackId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Artwork(rs.getBytes(1), rs.getString(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("reading artwork of track " + trackId, e);
        }
    }

    /**
     * Remembers that a track was played. Feedback: 1 liked, -1 skipped, 0 played to the end with nothing said,
     * null started with the outcome unknown. The recommender reads likes, skips and full plays as weights
     * ({@link #playTallies()}) and the latest plays as its no-repeat window ({@link #recentTrackIds(int)}).
     */
    public synchronized void recordPlay(long trackId, String mood, Integer feedback) {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO plays(track_id, mood, feedback) VALUES (?, ?, ?)")) {
            ps.setLong(1, trackId);
            ps.setString(2, mood);
            setNullableInt(ps, 3, feedback);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure("recording a play of track " + trackId, e);
        }
    }

    public synchronized int playCount(long trackId) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT COUNT(*) FROM plays WHERE track_id = ?")) {
            ps.setLong(1, trackId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        } catch (SQLException e) {
            throw failure("counting plays", e);
        }
    }

    /** Ids of the last {@code count} plays, newest first (a track played twice appears twice). */
    public synchronized List<Long> recentTrackIds(int count) {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT track_id FROM plays ORDER BY played_at DESC, id DESC LIMIT ?")) {
            ps.setInt(1, Math.max(0, count));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw failure("reading recent plays", e);
        }
    }

    /**
     * Says how the latest play of a track went (1 liked, -1 skipped, 0 played to the end): the listener's
     * verdict belongs to the play it judged, so it updates that row rather than adding a play.
     *
     * @return false when the track was never played (nothing to judge)
     */
    public synchronized boolean judgeLatestPlay(long trackId, int feedback) {
        if (feedback < -1 || feedback > 1) {
            throw new IllegalArgumentException("feedback must be -1, 0 or 1, not " + feedback);
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "UPDATE plays SET feedback = ? WHERE id = (SELECT MAX(id) FROM plays WHERE track_id = ?)")) {
            ps.setInt(1, feedback);
            ps.setLong(2, trackId);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failure("recording feedback on track " + trackId, e);
        }
    }

    /**
     * Artist names containing {@code text} (ignoring case), those starting with it first, then by how many
     * tracks they have: what the owner's artist search offers while they type.
     */
    public synchronized List<String> artistNames(String text, int limit) {
        String needle = text == null ? "" : text.strip();
        String escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("""
                SELECT artist FROM tracks
                WHERE artist IS NOT NULL AND artist <> '' AND artist LIKE ? ESCAPE '\\'
                GROUP BY artist COLLATE NOCASE
                ORDER BY (artist LIKE ? ESCAPE '\\') DESC, COUNT(*) DESC, artist COLLATE NOCASE
                LIMIT ?""")) {
            ps.setString(1, "%" + escaped + "%");
            ps.setString(2, escaped + "%");
            ps.setInt(3, Math.max(0, limit));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return names;
        } catch (SQLException e) {
            throw failure("searching artists", e);
        }
    }

    /** Likes, skips and full plays of every track that has any. */
    public synchronized List<PlayTally> playTallies() {
        List<PlayTally> tallies = new ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("""
                     SELECT track_id, SUM(feedback = 1), SUM(feedback = -1), SUM(feedback = 0) FROM plays
                     WHERE feedback IS NOT NULL GROUP BY track_id""")) {
            while (rs.next()) {
                tallies.add(new PlayTally(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)));
            }
            return tallies;
        } catch (SQLException e) {
            throw failure("reading play feedback", e);
        }
    }

    /**
     * Artists whose name contains {@code query} (any case; null or blank = all), most tracks first, with the
     * languages their tracks were detected in and the owner's choice.
     */
    @Override
    public synchronized java.util.List<ArtistLanguage> artistLanguages(String query, int limit) {
        String q = query == null || query.isBlank() ? null
                : "%" + query.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        List<ArtistLanguage> out = new ArrayList<>();
        try (PreparedStatement page = connection.prepareStatement("""
                     SELECT MIN(t.artist), COUNT(*), MAX(al.language) FROM tracks t
                     LEFT JOIN artist_languages al ON al.artist = t.artist
                     WHERE t.artist IS NOT NULL AND t.artist <> '' AND (?1 IS NULL OR t.artist LIKE ?1 ESCAPE '\\')
                     GROUP BY t.artist COLLATE NOCASE ORDER BY COUNT(*) DESC, MIN(t.artist) COLLATE NOCASE LIMIT ?2""");
             PreparedStatement detected = connection.prepareStatement("""
                     SELECT language, COUNT(*) FROM tracks WHERE artist = ? COLLATE NOCASE AND language IS NOT NULL
                     GROUP BY language ORDER BY COUNT(*) DESC""")) {
            page.setString(1, q);
            page.setInt(2, Math.max(0, limit));
            try (ResultSet rs = page.executeQuery()) {
                while (rs.next()) {
                    String artist = rs.getString(1);
                    Map<String, Integer> languages = new java.util.LinkedHashMap<>();
                    detected.setString(1, artist);
                    try (ResultSet d = detected.executeQuery()) {
                        while (d.next()) {
                            languages.put(d.getString(1), d.getInt(2));
                        }
                    }
                    out.add(new ArtistLanguage(artist, rs.getInt(2), languages, rs.getString(3)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("listing artists", e);
        }
    }

    /**
     * Sets the language of every track by an artist (any case), over anything tags or guesses said; null
     * forgets the owner's choice. Returns the artist as the catalog spells it.
     *
     * @throws IllegalArgumentException for an unknown language code or an artist with no tracks
     */
    @Override
    public synchronized String setArtistLanguage(String artist, String language) {
        if (artist == null || artist.isBlank()) {
            throw new IllegalArgumentException("name an artist");
        }
        if (language != null && !LanguageCodes.isValid(language)) {
            throw new IllegalArgumentException("'" + language + "' is not a language code: use two letters such as "
                    + "en, de, ko, or 'instrumental'");
        }
        try {
            String spelled;
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT artist FROM tracks WHERE artist = ? COLLATE NOCASE LIMIT 1")) {
                ps.setString(1, artist.trim());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalArgumentException("no tracks by '" + artist.trim() + "' in the catalog");
                    }
                    spelled = rs.getString(1);
                }
            }
            if (language == null) {
                try (PreparedStatement ps = connection.prepareStatement("DELETE FROM artist_languages WHERE artist = ?")) {
                    ps.setString(1, spelled);
                    ps.executeUpdate();
                }
            } else {
                try (PreparedStatement ps = connection.prepareStatement("""
                        INSERT INTO artist_languages(artist, language) VALUES (?, ?)
                        ON CONFLICT(artist) DO UPDATE SET language = excluded.language,
                          set_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')""")) {
                    ps.setString(1, spelled);
                    ps.setString(2, language);
                    ps.executeUpdate();
                }
            }
            return spelled;
        } catch (SQLException e) {
            throw failure("setting the language of " + artist, e);
        }
    }

    /** How each track's language was found, by track id (null: unknown, or a catalog from before migration 3). */
    public synchronized Optional<String> languageSource(long trackId) {
        try (PreparedStatement ps = connection.prepareStatement("""
                SELECT CASE WHEN al.language IS NOT NULL THEN 'owner' ELSE t.language_source END
                FROM tracks t LEFT JOIN artist_languages al ON al.artist = t.artist WHERE t.id = ?""")) {
            ps.setLong(1, trackId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("reading the language source of track " + trackId, e);
        }
    }

    /** Ids of the tracks marked explicit, for the recommender's "explicit off" (Track does not carry it). */
    public synchronized java.util.Set<Long> explicitTrackIds() {
        java.util.Set<Long> ids = new java.util.HashSet<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT id FROM tracks WHERE explicit = 1")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
            return ids;
        } catch (SQLException e) {
            throw failure("reading explicit tracks", e);
        }
    }

    /**
     * Removes tracks of one source by uri, with their features, artwork and plays (an online source whose
     * results expired, or that the owner turned off). Tracks of other sources are never touched.
     *
     * @return how many were removed
     */
    public synchronized int deleteTracks(String source, java.util.Collection<String> uris) {
        int[] removed = new int[1];
        inTransaction(() -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "DELETE FROM tracks WHERE source = ? AND uri = ?")) {
                for (String uri : uris) {
                    ps.setString(1, source);
                    ps.setString(2, uri);
                    removed[0] += ps.executeUpdate();
                }
            } catch (SQLException e) {
                throw failure("removing tracks of " + source, e);
            }
        });
        return removed[0];
    }

    /** How many tracks one source has in the catalog. */
    public synchronized int trackCount(String source) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT COUNT(*) FROM tracks WHERE source = ?")) {
            ps.setString(1, source);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        } catch (SQLException e) {
            throw failure("counting tracks of " + source, e);
        }
    }

    private static Track readTrack(ResultSet rs) throws SQLException {
        Features features = null;
        double valence = rs.getDouble("valence");
        if (!rs.wasNull()) {
            double energy = rs.getDouble("energy");
            double tempo = rs.getDouble("tempo");
            Double tempoOrNull = rs.wasNull() ? null : tempo;
            features = new Features(valence, energy, tempoOrNull, rs.getString("provenance"),
                    nullableInt(rs, "mode"), nullableDouble(rs, "loudness"), nullableDouble(rs, "acousticness"),
                    nullableDouble(rs, "danceability"));
        }
        int year = rs.getInt("year");
        Integer yearOrNull = rs.wasNull() ? null : year;
        return new Track(rs.getLong("id"), rs.getString("source"), rs.getString("uri"), rs.getString("title"),
                rs.getString("artist"), rs.getString("album"), yearOrNull, rs.getString("language"),
                rs.getDouble("duration_seconds"), rs.getBoolean("has_artwork"), rs.getString("attribution"), features);
    }

    private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private CatalogException failure(String what, SQLException e) {
        return new CatalogException("catalog " + file + ": " + what + " failed: " + e.getMessage(), e);
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // already failing; the first error is the one to report
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            log.warn("closing catalog {}: {}", file, e.getMessage());
        }
    }
}
