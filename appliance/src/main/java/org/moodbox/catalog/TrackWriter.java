package org.moodbox.catalog;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import org.moodbox.model.Features;

/** Writes catalog entries with statements prepared once; only inside {@link Catalog#upsert} or {@link Catalog#writeAll}. */
public final class TrackWriter extends CatalogTable implements AutoCloseable {
    private final PreparedStatement track;
    private final PreparedStatement deleteFeatures;
    private final PreparedStatement insertFeatures;
    private final PreparedStatement deleteArtwork;
    private final PreparedStatement insertArtwork;

    TrackWriter(Connection connection, Path file) {
        super(connection, file);
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
        ps.setString(1, e.source().key());
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
