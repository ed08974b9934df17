package org.moodbox.catalog;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The owner's language per artist, over what the tags and the guess said. */
final class ArtistLanguageTable extends CatalogTable {
    ArtistLanguageTable(Connection connection, Path file) {
        super(connection, file);
    }

    java.util.List<ArtistLanguage> artistLanguages(String query, int limit) {
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

    String setArtistLanguage(String artist, String language) {
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
}
