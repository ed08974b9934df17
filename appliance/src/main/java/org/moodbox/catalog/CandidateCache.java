package org.moodbox.catalog;

import org.moodbox.model.SourceKind;
import org.moodbox.model.Features;
import org.moodbox.model.Track;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an online source's searches found, kept in the catalog with an expiry (migration 3): one row per
 * query (when it was asked, when the answer goes stale) and its tracks in rank order. The tracks are ordinary
 * catalog rows of that source, so the kiosk plays, shows and remembers them like any other.
 *
 * <p>A track the catalog already holds under another source (a feature table imported it with its
 * {@code spotify:track:} uri) is linked, never overwritten: the imported features are better than any estimate.
 */
public final class CandidateCache {
    private final Catalog catalog;
    private final SourceKind source;

    /** @param source the catalog source of this service's tracks */
    public CandidateCache(Catalog catalog, SourceKind source) {
        this.catalog = catalog;
        this.source = source;
    }

    public SourceKind source() {
        return source;
    }

    /** One found track: what goes into the catalog, and its ISRC when the service knows it. */
    public record Found(CatalogEntry entry, String isrc) {
    }

    /** Whether the query was answered and its answer has not expired. */
    public boolean isFresh(String queryKey, long nowMs) {
        synchronized (catalog) {
            try (PreparedStatement ps = connection().prepareStatement(
                    "SELECT expires_at_ms FROM candidate_queries WHERE source = ? AND query_key = ?")) {
                ps.setString(1, source.key());
                ps.setString(2, queryKey);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getLong(1) > nowMs;
                }
            } catch (SQLException e) {
                throw failure("reading the candidate cache", e);
            }
        }
    }

    /** Whether the catalog holds this uri already (then nothing needs fetching for it, artwork included). */
    public boolean knows(String uri) {
        return catalog.trackByUri(uri).isPresent();
    }

    /**
     * Replaces the answer to one query, in one transaction: new tracks are added, known ones linked, and the
     * query's expiry set. A failure leaves the previous answer in place.
     */
    public void store(String queryKey, List<Found> found, long nowMs, long ttlMs) {
        synchronized (catalog) {
            catalog.inTransaction(() -> {
                try {
                    Connection c = connection();
                    try (PreparedStatement ps = c.prepareStatement("""
                            INSERT INTO candidate_queries(source, query_key, fetched_at_ms, expires_at_ms)
                            VALUES (?, ?, ?, ?) ON CONFLICT(source, query_key) DO UPDATE SET
                            fetched_at_ms = excluded.fetched_at_ms, expires_at_ms = excluded.expires_at_ms""")) {
                        ps.setString(1, source.key());
                        ps.setString(2, queryKey);
                        ps.setLong(3, nowMs);
                        ps.setLong(4, nowMs + ttlMs);
                        ps.executeUpdate();
                    }
                    try (PreparedStatement ps = c.prepareStatement(
                            "DELETE FROM candidates WHERE source = ? AND query_key = ?")) {
                        ps.setString(1, source.key());
                        ps.setString(2, queryKey);
                        ps.executeUpdate();
                    }
                    int rank = 0;
                    for (Found f : found) {
                        long id = catalog.trackByUri(f.entry().uri()).map(Track::id)
                                .orElseGet(() -> catalog.upsert(f.entry()));
                        if (f.isrc() != null) {
                            try (PreparedStatement ps = c.prepareStatement(
                                    "UPDATE tracks SET isrc = ? WHERE id = ? AND isrc IS NULL")) {
                                ps.setString(1, f.isrc());
                                ps.setLong(2, id);
                                ps.executeUpdate();
                            }
                        }
                        try (PreparedStatement ps = c.prepareStatement(
                                "INSERT OR IGNORE INTO candidates(source, query_key, track_id, rank) VALUES (?, ?, ?, ?)")) {
                            ps.setString(1, source.key());
                            ps.setString(2, queryKey);
                            ps.setLong(3, id);
                            ps.setInt(4, rank++);
                            ps.executeUpdate();
                        }
                    }
                } catch (SQLException e) {
                    throw failure("saving the answer to '" + queryKey + "'", e);
                }
            });
        }
    }

    /** The tracks of every unexpired query of this source, each once, best rank first. */
    public List<Track> liveTracks(long nowMs) {
        List<Long> ids = new ArrayList<>();
        synchronized (catalog) {
            try (PreparedStatement ps = connection().prepareStatement("""
                    SELECT c.track_id FROM candidates c JOIN candidate_queries q
                      ON q.source = c.source AND q.query_key = c.query_key
                    WHERE c.source = ? AND q.expires_at_ms > ?
                    GROUP BY c.track_id ORDER BY MIN(c.rank), c.track_id""")) {
                ps.setString(1, source.key());
                ps.setLong(2, nowMs);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            } catch (SQLException e) {
                throw failure("reading cached candidates", e);
            }
            List<Track> tracks = new ArrayList<>(ids.size());
            for (long id : ids) {
                catalog.track(id).ifPresent(tracks::add);
            }
            return tracks;
        }
    }

    /** Forgets answers that expired; their tracks stay in the catalog for the play history. */
    public int purgeExpired(long nowMs) {
        synchronized (catalog) {
            try (PreparedStatement ps = connection().prepareStatement(
                    "DELETE FROM candidate_queries WHERE source = ? AND expires_at_ms <= ?")) {
                ps.setString(1, source.key());
                ps.setLong(2, nowMs);
                return ps.executeUpdate();
            } catch (SQLException e) {
                throw failure("purging expired candidates", e);
            }
        }
    }

    /**
     * Features the catalog has for this song from a better source than a guess (measured audio or an imported
     * feature table): by uri, then ISRC, then title and artist ignoring case.
     */
    public Optional<Features> knownFeatures(String uri, String isrc, String title, String artist) {
        synchronized (catalog) {
            try (PreparedStatement ps = connection().prepareStatement("""
                    SELECT f.valence, f.energy, f.tempo, f.provenance,
                      CASE WHEN t.uri = ? THEN 0 WHEN t.isrc = ? THEN 1 ELSE 2 END AS how
                    FROM tracks t JOIN features f ON f.track_id = t.id
                    WHERE f.provenance IN ('measured', 'imported')
                      AND (t.uri = ? OR t.isrc = ?
                           OR (t.title = ? COLLATE NOCASE AND t.artist = ? COLLATE NOCASE))
                    ORDER BY how LIMIT 1""")) {
                ps.setString(1, uri);
                ps.setString(2, isrc);
                ps.setString(3, uri);
                ps.setString(4, isrc);
                ps.setString(5, title);
                ps.setString(6, artist);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    double tempo = rs.getDouble(3);
                    Double tempoOrNull = rs.wasNull() ? null : tempo;
                    return Optional.of(new Features(rs.getDouble(1), rs.getDouble(2), tempoOrNull, rs.getString(4)));
                }
            } catch (SQLException e) {
                throw failure("looking up known features", e);
            }
        }
    }

    private Connection connection() {
        return catalog.connection();
    }

    private CatalogException failure(String what, SQLException e) {
        return new CatalogException("catalog " + catalog.file() + ": " + what + " failed: " + e.getMessage(), e);
    }
}
