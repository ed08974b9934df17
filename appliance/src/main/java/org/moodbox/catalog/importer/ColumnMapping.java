package org.moodbox.catalog.importer;

import org.moodbox.catalog.CatalogException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which CSV column feeds which catalog field. Defaults fit Spotify-style tables (TidyTuesday's
 * spotify_songs and the like); {@code --map field=column} overrides one field.
 *
 * <p>{@code language} defaults to {@code script_lang_hint}, used only when it holds a single ISO 639-1 code
 * (a script such as Cyrillic says "ru" honestly enough; an empty hint, Latin script, says nothing).
 */
public final class ColumnMapping {
    public static final Set<String> REQUIRED = Set.of("id", "title", "valence", "energy");
    private static final Map<String, String> DEFAULTS = defaults();

    private final Map<String, String> columns;
    private final Set<String> explicit;

    private ColumnMapping(Map<String, String> columns, Set<String> explicit) {
        this.columns = columns;
        this.explicit = explicit;
    }

    private static Map<String, String> defaults() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("id", "track_id");
        m.put("title", "track_name");
        m.put("artist", "track_artist");
        m.put("album", "track_album_name");
        m.put("date", "track_album_release_date");
        m.put("valence", "valence");
        m.put("energy", "energy");
        m.put("tempo", "tempo");
        m.put("mode", "mode");
        m.put("loudness", "loudness");
        m.put("acousticness", "acousticness");
        m.put("danceability", "danceability");
        m.put("duration_ms", "duration_ms");
        m.put("genres", "playlist_genres");
        m.put("language", "script_lang_hint");
        return m;
    }

    public static ColumnMapping defaultMapping() {
        return new ColumnMapping(DEFAULTS, Set.of());
    }

    /** Parses "field=column" overrides; an unknown field or a malformed pair is a clear error. */
    public static ColumnMapping withOverrides(List<String> overrides) {
        Map<String, String> m = new LinkedHashMap<>(DEFAULTS);
        Set<String> explicit = new java.util.HashSet<>();
        for (String pair : overrides) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw new IllegalArgumentException("--map expects field=column, got '" + pair + "'");
            }
            String field = pair.substring(0, eq).trim();
            if (!DEFAULTS.containsKey(field)) {
                throw new IllegalArgumentException("--map: unknown field '" + field + "'; fields are "
                        + String.join(", ", DEFAULTS.keySet()));
            }
            m.put(field, pair.substring(eq + 1).trim());
            explicit.add(field);
        }
        return new ColumnMapping(m, Set.copyOf(explicit));
    }

    /** Field to column index in this header; fails when a required or explicitly mapped column is absent. */
    Map<String, Integer> resolve(List<String> header) {
        Map<String, Integer> indexes = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : columns.entrySet()) {
            int index = header.indexOf(e.getValue());
            if (index >= 0) {
                indexes.put(e.getKey(), index);
            } else if (REQUIRED.contains(e.getKey()) || explicit.contains(e.getKey())) {
                throw new CatalogException("column '" + e.getValue() + "' (for " + e.getKey()
                        + ") is not in the header; map it with --map " + e.getKey() + "=COLUMN. Header: "
                        + String.join(",", header));
            }
        }
        return indexes;
    }
}
