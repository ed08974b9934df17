package org.moodbox.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.moodbox.catalog.importer.CsvReader;
import org.moodbox.cli.EvalMoodModel.Example;
import org.moodbox.model.Features;
import org.moodbox.model.MoodPoint;

/**
 * Reads the mood-labelled research tables that {@code eval mood-model} fits on: each labelled track becomes an
 * {@link Example} at its mood's point, with a cross-validation fold (the 686 table by row, the playlists by
 * playlist, so a playlist is never in training and test at once).
 */
final class MoodLabelledTables {
    private MoodLabelledTables() {
    }

    static List<Example> moods686(Path file) throws IOException {
        Map<String, MoodPoint> moods = Map.of("Happy", MoodPoint.HAPPY, "Sad", MoodPoint.SAD, "Calm", MoodPoint.CALM,
                "Energetic", MoodPoint.ENERGETIC);
        List<Example> out = new ArrayList<>();
        int[] row = new int[1];
        read(file, (columns, f) -> {
            MoodPoint mood = moods.get(f.get(columns.get("mood")));
            if (mood != null) {
                // data_moods_686 has no mode column: unknown, the middle.
                out.add(new Example(features(columns, f, null), mood, "686 " + f.get(columns.get("mood")),
                        Math.floorMod((row[0]++) * 7919, EvalMoodModel.FOLDS)));
            }
        });
        return out;
    }

    /** Playlist-name words and the mood they stand for (checked in this order). */
    private static final Map<Pattern, MoodPoint> PLAYLIST_WORDS = playlistWords();

    private static Map<Pattern, MoodPoint> playlistWords() {
        Map<Pattern, MoodPoint> m = new LinkedHashMap<>();
        m.put(Pattern.compile("\\bsad\\b"), MoodPoint.SAD);
        m.put(Pattern.compile("\\bhappy\\b"), MoodPoint.HAPPY);
        m.put(Pattern.compile("\\bdark\\b"), MoodPoint.DARK);
        m.put(Pattern.compile("\\b(chill|lofi|lo-fi|lounge|soft)"), MoodPoint.CHILL);
        m.put(Pattern.compile("\\b(workout|gym)\\b"), MoodPoint.ENERGETIC);
        m.put(Pattern.compile("\\bparty\\b"), MoodPoint.ENERGETIC);
        return m;
    }

    static List<Example> playlists(Path file) throws IOException {
        List<Example> out = new ArrayList<>();
        read(file, (columns, f) -> {
            String name = f.get(columns.get("playlist_name")).toLowerCase(Locale.ROOT);
            for (Map.Entry<Pattern, MoodPoint> e : PLAYLIST_WORDS.entrySet()) {
                if (e.getKey().matcher(name).find()) {
                    String mode = f.get(columns.get("mode"));
                    String word = e.getKey().pattern().contains("workout") ? "workout" : e.getValue().word();
                    out.add(new Example(features(columns, f, mode.isEmpty() ? null : (int) Double.parseDouble(mode)),
                            e.getValue(), "playlist " + word,
                            Math.floorMod(f.get(columns.get("playlist_id")).hashCode(), EvalMoodModel.FOLDS)));
                    return;
                }
            }
        });
        return out;
    }

    private static Features features(Map<String, Integer> columns, List<String> f, Integer mode) {
        return new Features(num(columns, f, "valence"), num(columns, f, "energy"), num(columns, f, "tempo"), "imported",
                mode, num(columns, f, "loudness"), num(columns, f, "acousticness"), num(columns, f, "danceability"));
    }

    private static double num(Map<String, Integer> columns, List<String> f, String name) {
        return Double.parseDouble(f.get(columns.get(name)));
    }

    private interface RowHandler {
        void row(Map<String, Integer> columns, List<String> fields);
    }

    private static void read(Path file, RowHandler handler) throws IOException {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("cannot read " + file);
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            CsvReader csv = new CsvReader(in);
            List<String> header = csv.next().fields();
            Map<String, Integer> columns = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                columns.put(header.get(i).trim(), i);
            }
            CsvReader.Row row;
            while ((row = csv.next()) != null) {
                if (row.problem() == null && row.fields().size() == header.size()) {
                    handler.row(columns, row.fields());
                }
            }
        }
    }
}
