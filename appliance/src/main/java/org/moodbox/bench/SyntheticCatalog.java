package org.moodbox.bench;

import org.moodbox.model.SourceKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.moodbox.model.Features;
import org.moodbox.model.Track;

/**
 * A catalog of any size for benchmarks, in memory, drawn from a real one: each synthetic track copies the
 * (valence, energy, tempo, language) of a random real track, jittered by +-0.005 so values are not all
 * ties, which keeps the joint shape (Spotify's skew to high energy, the valence/energy correlation);
 * artists get their track counts drawn from the real tracks-per-artist counts.
 *
 * <p>Without the real table (the shared TidyTuesday catalog) a documented fallback is used: valence the mean
 * of two uniforms (a hump at 0.5), energy 1 - u^2 (skewed high, median about 0.7 like Spotify's), tempo
 * normal(120, 25) BPM, artist sizes 1 + geometric(0.3) (most artists have a few tracks), 80% "en", 15%
 * "es", 5% "ja". {@link #description()} says which one was used.
 */
public final class SyntheticCatalog {
    private record Row(double valence, double energy, double tempo, String language) {
    }

    private final List<Row> rows;
    private final List<Integer> artistSizes;
    private final String description;

    private SyntheticCatalog(List<Row> rows, List<Integer> artistSizes, String description) {
        this.rows = rows;
        this.artistSizes = artistSizes;
        this.description = description;
    }

    /** The real distribution from the TidyTuesday table when it is readable, else the fallback. */
    public static SyntheticCatalog from(Path tidyTuesdayUniqueTracksCsvGz) {
        if (tidyTuesdayUniqueTracksCsvGz != null && Files.isReadable(tidyTuesdayUniqueTracksCsvGz)) {
            try {
                return read(tidyTuesdayUniqueTracksCsvGz);
            } catch (IOException | RuntimeException e) {
                return fallback("could not read " + tidyTuesdayUniqueTracksCsvGz + " (" + e.getMessage() + ")");
            }
        }
        return fallback(tidyTuesdayUniqueTracksCsvGz + " not found");
    }

    public String description() {
        return description;
    }

    /** {@code count} tracks with ids 1..count; about 5% explicit, returned in {@code explicitOut}. */
    public List<Track> tracks(int count, long seed, java.util.Set<Long> explicitOut) {
        Random r = new Random(seed);
        List<Track> tracks = new ArrayList<>(count);
        int artist = 0;
        int left = 0;
        for (int i = 1; i <= count; i++) {
            if (left == 0) {
                artist++;
                left = artistSizes.isEmpty() ? 1 + geometric(r, 0.3) : artistSizes.get(r.nextInt(artistSizes.size()));
            }
            left--;
            Row row = rows.isEmpty() ? fallbackRow(r) : rows.get(r.nextInt(rows.size()));
            double v = clamp01(row.valence + (r.nextDouble() - 0.5) * 0.01);
            double e = clamp01(row.energy + (r.nextDouble() - 0.5) * 0.01);
            tracks.add(new Track(i, SourceKind.LOCAL, "synthetic:" + i, "Track " + i, "Artist " + artist, null, null,
                    row.language, 200, false, null, new Features(v, e, row.tempo, "estimated")));
            if (r.nextInt(20) == 0) {
                explicitOut.add((long) i);
            }
        }
        return tracks;
    }

    private static SyntheticCatalog fallback(String why) {
        return new SyntheticCatalog(List.of(), List.of(), "fallback distribution (" + why + "): valence mean of"
                + " two uniforms, energy 1-u^2, tempo normal(120,25), artists 1+geometric(0.3), en 80% es 15% ja 5%");
    }

    private static Row fallbackRow(Random r) {
        double u = r.nextDouble();
        String language = u < 0.80 ? "en" : u < 0.95 ? "es" : "ja";
        return new Row((r.nextDouble() + r.nextDouble()) / 2, 1 - Math.pow(r.nextDouble(), 2),
                120 + 25 * r.nextGaussian(), language);
    }

    private static SyntheticCatalog read(Path file) throws IOException {
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> perArtist = new HashMap<>();
        try (Reader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            List<String> header = nextRecord(in);
            int valence = header.indexOf("valence");
            int energy = header.indexOf("energy");
            int tempo = header.indexOf("tempo");
            int artist = header.indexOf("track_artist");
            int script = header.indexOf("script_lang_hint");
            int latin = header.indexOf("latin_playlist");
            if (valence < 0 || energy < 0 || tempo < 0 || artist < 0) {
                throw new IOException("missing valence, energy, tempo or track_artist column");
            }
            List<String> rec;
            while ((rec = nextRecord(in)) != null) {
                try {
                    String language = script >= 0 && !rec.get(script).isBlank() ? rec.get(script)
                            : latin >= 0 && "1".equals(rec.get(latin)) ? "es" : "en";
                    rows.add(new Row(Double.parseDouble(rec.get(valence)), Double.parseDouble(rec.get(energy)),
                            Double.parseDouble(rec.get(tempo)), language));
                    perArtist.merge(rec.get(artist), 1, Integer::sum);
                } catch (RuntimeException malformed) {
                    // a short or non-numeric row says nothing about the distribution; skip it
                }
            }
        }
        return new SyntheticCatalog(rows, new ArrayList<>(perArtist.values()), "drawn from " + file.getFileName()
                + " (" + rows.size() + " tracks, " + perArtist.size() + " artists)");
    }

    /** One CSV record (RFC 4180: quoted fields may hold commas, quotes and newlines), or null at the end. */
    private static List<String> nextRecord(Reader in) throws IOException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int c = in.read();
        if (c < 0) {
            return null;
        }
        while (c >= 0) {
            if (quoted) {
                if (c == '"') {
                    int next = in.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        c = next;
                        continue;
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                break;
            } else if (c != '\r') {
                field.append((char) c);
            }
            c = in.read();
        }
        fields.add(field.toString());
        return fields;
    }

    private static int geometric(Random r, double p) {
        return (int) Math.floor(Math.log(1 - r.nextDouble()) / Math.log(1 - p));
    }

    private static double clamp01(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
