package org.moodbox.catalog;

import org.moodbox.model.SourceKind;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.moodbox.model.Features;
import org.moodbox.model.Track;

/** The tracks with their features and artwork, as the rest of the box reads them. */
final class TrackTable extends CatalogTable {
    private static final String TRACK_COLUMNS = """
            t.id, t.source, t.uri, t.title, t.artist, t.album, t.year,
            COALESCE(al.language, t.language) AS language, t.duration_seconds,
            t.attribution, (a.track_id IS NOT NULL) AS has_artwork,
            f.valence, f.energy, f.tempo, f.provenance, f.mode, f.loudness, f.acousticness, f.danceability
            FROM tracks t LEFT JOIN features f ON f.track_id = t.id LEFT JOIN artwork a ON a.track_id = t.id
            LEFT JOIN artist_languages al ON al.artist = t.artist""";

    TrackTable(Connection connection, Path file) {
        super(connection, file);
    }

    Optional<Track> track(long id) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + TRACK_COLUMNS + " WHERE t.id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(readTrack(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("reading track " + id, e);
        }
    }

    Optional<Track> trackByUri(String uri) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + TRACK_COLUMNS + " WHERE t.uri = ?")) {
            ps.setString(1, uri);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(readTrack(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("reading track " + uri, e);
        }
    }

    List<Track> allTracks() {
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

    int trackCount() {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM tracks")) {
            return rs.next() ? rs.getInt(1) : 0;
        } catch (SQLException e) {
            throw failure("counting tracks", e);
        }
    }

    Map<String, FileStamp> fileStamps(SourceKind source) {
        Map<String, FileStamp> stamps = new HashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT uri, file_size, file_mtime_ms FROM tracks WHERE source = ? AND file_size IS NOT NULL")) {
            ps.setString(1, source.key());
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

    Optional<Artwork> artwork(long trackId) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT bytes, mime FROM artwork WHERE track_id = ?")) {
            ps.setLong(1, trackId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Artwork(rs.getBytes(1), rs.getString(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("reading artwork of track " + trackId, e);
        }
    }

    List<String> artistNames(String text, int limit) {
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

    Optional<String> languageSource(long trackId) {
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

    java.util.Set<Long> explicitTrackIds() {
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

    /** Call inside one transaction ({@link Catalog#deleteTracks}): all of them go, or none. */
    int deleteTracks(SourceKind source, java.util.Collection<String> uris) {
        int removed = 0;
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM tracks WHERE source = ? AND uri = ?")) {
            for (String uri : uris) {
                ps.setString(1, source.key());
                ps.setString(2, uri);
                removed += ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw failure("removing tracks of " + source, e);
        }
        return removed;
    }

    int trackCount(SourceKind source) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT COUNT(*) FROM tracks WHERE source = ?")) {
            ps.setString(1, source.key());
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
        return new Track(rs.getLong("id"), SourceKind.fromKey(rs.getString("source")), rs.getString("uri"), rs.getString("title"),
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
}
