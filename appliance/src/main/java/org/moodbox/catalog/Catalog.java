package org.moodbox.catalog;

import org.moodbox.model.SourceKind;
import org.moodbox.model.Track;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
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
 *
 * <p>A facade: each table's statements live in their own class ({@link TrackTable} with {@link TrackWriter},
 * {@link PlayLog}, {@link ArtistLanguageTable}, {@link CandidateCache}), the file's pragmas and schema
 * upgrades in {@link CatalogFile}; this class holds the connection, the lock and the transactions.
 */
public final class Catalog implements ArtworkStore, ArtistLanguages, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Catalog.class);

    private final Path file;
    private final Connection connection;
    private int transactionDepth;

    private final TrackTable tracks;
    private final PlayLog plays;
    private final ArtistLanguageTable languages;

    private Catalog(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
        this.tracks = new TrackTable(connection, file);
        this.plays = new PlayLog(connection, file);
        this.languages = new ArtistLanguageTable(connection, file);
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
            CatalogFile.configureAndMigrate(file, connection, catalog::inTransaction);
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

    /** For the other catalog-room classes that own their own tables; callers synchronise on this catalog. */
    Connection connection() {
        return connection;
    }

    public Path file() {
        return file;
    }

    public synchronized int schemaVersion() {
        try {
            return CatalogFile.schemaVersion(connection);
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
            try (TrackWriter writer = new TrackWriter(connection, file)) {
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
    public synchronized void writeAll(java.util.function.Consumer<TrackWriter> work) {
        setCacheKib(BULK_CACHE_KIB);
        try {
            inTransaction(() -> {
                try (TrackWriter writer = new TrackWriter(connection, file)) {
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

    public synchronized Optional<Track> track(long id) {
        return tracks.track(id);
    }

    public synchronized Optional<Track> trackByUri(String uri) {
        return tracks.trackByUri(uri);
    }

    public synchronized List<Track> allTracks() {
        return tracks.allTracks();
    }

    public synchronized int trackCount() {
        return tracks.trackCount();
    }

    /** Size and mtime of every track of a source, by uri: what an incremental rescan compares against. */
    public synchronized Map<String, FileStamp> fileStamps(SourceKind source) {
        return tracks.fileStamps(source);
    }

    @Override
    public synchronized Optional<Artwork> artwork(long trackId) {
        return tracks.artwork(trackId);
    }

    /**
     * Artist names containing {@code text} (ignoring case), those starting with it first, then by how many
     * tracks they have: what the owner's artist search offers while they type.
     */
    public synchronized List<String> artistNames(String text, int limit) {
        return tracks.artistNames(text, limit);
    }

    /** How each track's language was found, by track id (null: unknown, or a catalog from before migration 3). */
    public synchronized Optional<String> languageSource(long trackId) {
        return tracks.languageSource(trackId);
    }

    /** Ids of the tracks marked explicit, for the recommender's "explicit off" (Track does not carry it). */
    public synchronized java.util.Set<Long> explicitTrackIds() {
        return tracks.explicitTrackIds();
    }

    /**
     * Removes tracks of one source by uri, with their features, artwork and plays (an online source whose
     * results expired, or that the owner turned off). Tracks of other sources are never touched.
     *
     * @return how many were removed
     */
    public synchronized int deleteTracks(SourceKind source, java.util.Collection<String> uris) {
        int[] removed = new int[1];
        inTransaction(() -> removed[0] = tracks.deleteTracks(source, uris));
        return removed[0];
    }

    /** How many tracks one source has in the catalog. */
    public synchronized int trackCount(SourceKind source) {
        return tracks.trackCount(source);
    }

    /**
     * Remembers that a track was played. Feedback: 1 liked, -1 skipped, 0 played to the end with nothing said,
     * null started with the outcome unknown. The recommender reads likes, skips and full plays as weights
     * ({@link #playTallies()}) and the latest plays as its no-repeat window ({@link #recentTrackIds(int)}).
     */
    public synchronized void recordPlay(long trackId, String mood, Integer feedback) {
        plays.recordPlay(trackId, mood, feedback);
    }

    public synchronized int playCount(long trackId) {
        return plays.playCount(trackId);
    }

    /** Ids of the last {@code count} plays, newest first (a track played twice appears twice). */
    public synchronized List<Long> recentTrackIds(int count) {
        return plays.recentTrackIds(count);
    }

    /**
     * Says how the latest play of a track went (1 liked, -1 skipped, 0 played to the end): the listener's
     * verdict belongs to the play it judged, so it updates that row rather than adding a play.
     *
     * @return false when the track was never played (nothing to judge)
     */
    public synchronized boolean judgeLatestPlay(long trackId, int feedback) {
        return plays.judgeLatestPlay(trackId, feedback);
    }

    /** Likes, skips and full plays of every track that has any. */
    public synchronized List<PlayTally> playTallies() {
        return plays.playTallies();
    }

    /**
     * Artists whose name contains {@code query} (any case; null or blank = all), most tracks first, with the
     * languages their tracks were detected in and the owner's choice.
     */
    @Override
    public synchronized java.util.List<ArtistLanguage> artistLanguages(String query, int limit) {
        return languages.artistLanguages(query, limit);
    }

    /**
     * Sets the language of every track by an artist (any case), over anything tags or guesses said; null
     * forgets the owner's choice. Returns the artist as the catalog spells it.
     *
     * @throws IllegalArgumentException for an unknown language code or an artist with no tracks
     */
    @Override
    public synchronized String setArtistLanguage(String artist, String language) {
        return languages.setArtistLanguage(artist, language);
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
