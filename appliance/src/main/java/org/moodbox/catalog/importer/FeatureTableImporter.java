package org.moodbox.catalog.importer;

import org.moodbox.model.SpotifyUri;
import org.moodbox.model.SourceKind;
import org.moodbox.catalog.Catalog;
import org.moodbox.catalog.CatalogEntry;
import org.moodbox.catalog.CatalogException;
import org.moodbox.model.Features;
import org.moodbox.catalog.LanguageGuess;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Imports a Spotify-style feature table (CSV, optionally gzipped) as source "import" with uri
 * {@code spotify:track:<id>}. A malformed row is reported with its line number and skipped (it is checked whole
 * before anything of it is written); the import is one transaction, so a file that breaks off midway (a
 * truncated download) leaves the catalog as it was. A repeated id replaces the earlier row and is reported, so
 * the count said is the count stored; a row with neither valence nor energy is stored without features and
 * counted.
 */
public final class FeatureTableImporter {
    public static final SourceKind SOURCE = SourceKind.IMPORT;
    private static final Pattern YEAR = Pattern.compile("^(1[89]\\d\\d|20\\d\\d)");
    private static final Pattern SPOTIFY_ID = Pattern.compile("[0-9A-Za-z]{22}");

    private final Catalog catalog;

    public FeatureTableImporter(Catalog catalog) {
        this.catalog = catalog;
    }

    public ImportReport importFile(Path file, ColumnMapping mapping) {
        long start = System.nanoTime();
        List<String> skipped = new ArrayList<>();
        List<String> repeated = new ArrayList<>();
        Map<String, Long> firstLineOfUri = new HashMap<>();
        Map<String, Boolean> featurelessByUri = new HashMap<>();
        int[] rows = new int[1];
        try (Reader reader = open(file)) {
            CsvReader csv = new CsvReader(reader);
            CsvReader.Row header = csv.next();
            if (header == null) {
                throw new CatalogException(file + " is empty");
            }
            List<String> columns = header.fields().stream().map(s -> s.replace("\uFEFF", "").trim()).toList();
            Map<String, Integer> index = mapping.resolve(columns);
            catalog.writeAll(writer -> {
                try {
                    CsvReader.Row row;
                    while ((row = csv.next()) != null) {
                        if (row.fields().size() == 1 && row.fields().get(0).isBlank() && row.problem() == null) {
                            continue;
                        }
                        rows[0]++;
                        if (CsvReader.UNCLOSED_QUOTE.equals(row.problem())) {
                            // Skipping the row would silently drop every row after it (all inside the quote).
                            throw new CatalogException(file + " line " + row.line() + ": a quoted field opens there"
                                    + " and is never closed, so the rows after it cannot be told apart; nothing was"
                                    + " imported (close the quote, or remove it, and import again)");
                        }
                        try {
                            CatalogEntry entry = entry(row, columns.size(), index);
                            writer.upsert(entry);
                            Long earlier = firstLineOfUri.putIfAbsent(entry.uri(), row.line());
                            if (earlier != null) {
                                repeated.add("line " + row.line() + ": id "
                                        + entry.uri().substring("spotify:track:".length()) + " repeats line " + earlier);
                            }
                            featurelessByUri.put(entry.uri(), entry.features() == null); // the later row wins
                        } catch (IllegalArgumentException e) {
                            skipped.add("line " + row.line() + ": " + e.getMessage());
                        }
                    }
                } catch (IOException e) {
                    throw new CatalogException(file + ": reading failed after " + rows[0]
                            + " rows (" + e.getMessage() + "); nothing was imported", e);
                }
            });
        } catch (IOException e) {
            throw new CatalogException("cannot read " + file + ": " + e.getMessage(), e);
        }
        int withoutFeatures = (int) featurelessByUri.values().stream().filter(b -> b).count();
        return new ImportReport(featurelessByUri.size(), rows[0], withoutFeatures, repeated, skipped,
                (System.nanoTime() - start) / 1e9);
    }

    private static Reader open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        if (b1 == 0x1f && b2 == 0x8b) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    /** One row as a catalog entry; IllegalArgumentException says what is wrong with it. */
    private static CatalogEntry entry(CsvReader.Row row, int width, Map<String, Integer> index) {
        if (row.problem() != null) {
            throw new IllegalArgumentException(row.problem());
        }
        List<String> f = row.fields();
        if (f.size() != width) {
            throw new IllegalArgumentException("expected " + width + " fields, found " + f.size());
        }
        String id = required(f, index, "id");
        if (!SPOTIFY_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id '" + id + "' is not a 22-character Spotify track id");
        }
        String title = required(f, index, "title");
        Double valence = optionalUnit(f, index, "valence");
        Double energy = optionalUnit(f, index, "energy");
        if ((valence == null) != (energy == null)) {
            throw new IllegalArgumentException("no " + (valence == null ? "valence" : "energy"));
        }
        Double loudness = optionalNumber(f, index, "loudness");
        if (loudness != null && (loudness < -70 || loudness > 10)) {
            throw new IllegalArgumentException("loudness " + loudness + " dB is not plausible");
        }
        Double acousticness = optionalUnit(f, index, "acousticness");
        Double danceability = optionalUnit(f, index, "danceability");
        Double tempo = optionalNumber(f, index, "tempo");
        if (tempo != null && (tempo < 0 || tempo > 400)) {
            throw new IllegalArgumentException("tempo " + tempo + " is not a plausible BPM");
        }
        Double mode = optionalNumber(f, index, "mode");
        if (mode != null && mode != 0 && mode != 1) {
            throw new IllegalArgumentException("mode must be 0 or 1, found " + value(f, index, "mode"));
        }
        Double durationMs = optionalNumber(f, index, "duration_ms");
        String date = value(f, index, "date");
        Integer year = null;
        if (date != null) {
            Matcher m = YEAR.matcher(date);
            year = m.find() ? Integer.valueOf(m.group(1)) : null;
        }
        String genreText = value(f, index, "genres");
        List<String> genres = genreText == null ? List.of() : Arrays.stream(genreText.split("\\|"))
                .map(String::trim).filter(g -> !g.isEmpty()).toList();
        String stated = value(f, index, "language");
        if (stated != null && stated.indexOf('/') >= 0) {
            stated = null; // a script hint such as "zh/ja" names no single language: let the title decide
        }
        String artist = value(f, index, "artist");
        LanguageGuess.Result language = LanguageGuess.of(stated, title, artist, genres);
        return new CatalogEntry(SOURCE, SpotifyUri.track(id), title, artist,
                value(f, index, "album"), year, language.language(), genres,
                durationMs == null ? 0 : durationMs / 1000.0, false, null, null,
                valence == null ? null : new Features(valence, energy, tempo, "imported",
                        mode == null ? null : mode.intValue(), loudness, acousticness, danceability),
                mode == null ? null : mode.intValue(), null,
                language.source() == null ? null : language.source().key());
    }

    /** The trimmed value, or null when the column is not mapped, empty, or R's "NA". */
    private static String value(List<String> fields, Map<String, Integer> index, String field) {
        Integer i = index.get(field);
        if (i == null) {
            return null;
        }
        String v = fields.get(i).trim();
        return v.isEmpty() || v.equals("NA") ? null : v;
    }

    private static String required(List<String> fields, Map<String, Integer> index, String field) {
        String v = value(fields, index, field);
        if (v == null) {
            throw new IllegalArgumentException("no " + field);
        }
        return v;
    }

    private static Double optionalUnit(List<String> fields, Map<String, Integer> index, String field) {
        Double v = optionalNumber(fields, index, field);
        if (v != null && (v < 0 || v > 1)) {
            throw new IllegalArgumentException(field + " " + v + " is outside 0..1");
        }
        return v;
    }

    private static Double optionalNumber(List<String> fields, Map<String, Integer> index, String field) {
        String v = value(fields, index, field);
        if (v == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(v);
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " '" + v + "' is not a number");
        }
    }
}
