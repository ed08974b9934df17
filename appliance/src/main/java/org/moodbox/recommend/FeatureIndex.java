package org.moodbox.recommend;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.moodbox.model.Track;

/**
 * A frozen pool of tracks laid out for fast nearest-to-target queries: each track's valence and energy
 * percentile within the pool (computed once), and a G x G grid over that percentile plane so a request
 * scans only the cells near its target instead of scoring and sorting every track.
 *
 * <p>Percentiles are uniform by construction, so every cell column and row holds about the same number of
 * tracks; G is chosen for about 64 tracks per cell. Tracks are stored in cell order (one array per field)
 * so a cell is a contiguous slice: cache-friendly and no per-track objects on the hot path.
 */
final class FeatureIndex {
    private static final int TRACKS_PER_CELL = 64;

    final int size;
    final int grid;
    /** First position of each cell; cell c holds positions cellStart[c] .. cellStart[c+1]-1. */
    final int[] cellStart;
    final Track[] tracks;
    final double[] valence;
    final double[] energy;
    /** Tempo percentile among the pool's tracks that have a tempo; 0.5 (the middle) for those without. */
    final double[] tempo;
    final int[] artistId;
    final boolean[] explicit;
    private final Map<String, Integer> artistIds;
    private final int[][] positionsByArtist;
    private final long[] sortedIds;
    private final int[] positionOfSortedId;

    /** @param pool tracks with features; {@code explicitIds} the catalog ids marked explicit */
    FeatureIndex(List<Track> pool, Set<Long> explicitIds) {
        size = pool.size();
        grid = Math.max(1, Math.min(1024, (int) Math.round(Math.sqrt(size / (double) TRACKS_PER_CELL))));
        double[] vp = PercentileIndex.of(pool, t -> t.features().valence());
        double[] ep = PercentileIndex.of(pool, t -> t.features().energy());
        double[] tp = tempoPercentiles(pool);
        int[] cellOf = new int[size];
        cellStart = new int[grid * grid + 1];
        for (int i = 0; i < size; i++) {
            cellOf[i] = cell(vp[i], ep[i]);
            cellStart[cellOf[i] + 1]++;
        }
        for (int c = 0; c < grid * grid; c++) {
            cellStart[c + 1] += cellStart[c];
        }
        int[] fill = Arrays.copyOf(cellStart, grid * grid);
        tracks = new Track[size];
        valence = new double[size];
        energy = new double[size];
        tempo = new double[size];
        artistId = new int[size];
        explicit = new boolean[size];
        artistIds = new HashMap<>();
        List<List<Integer>> byArtist = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            int p = fill[cellOf[i]]++;
            Track t = pool.get(i);
            tracks[p] = t;
            valence[p] = vp[i];
            energy[p] = ep[i];
            tempo[p] = tp[i];
            explicit[p] = explicitIds.contains(t.id());
            String key = t.artist() == null ? "" : t.artist().toLowerCase(Locale.ROOT);
            int a = artistIds.computeIfAbsent(key, k -> {
                byArtist.add(new ArrayList<>());
                return byArtist.size() - 1;
            });
            artistId[p] = a;
            byArtist.get(a).add(p);
        }
        positionsByArtist = new int[byArtist.size()][];
        for (int a = 0; a < byArtist.size(); a++) {
            positionsByArtist[a] = byArtist.get(a).stream().mapToInt(Integer::intValue).toArray();
        }
        Integer[] order = new Integer[size];
        for (int p = 0; p < size; p++) {
            order[p] = p;
        }
        Arrays.sort(order, (x, y) -> Long.compare(tracks[x].id(), tracks[y].id()));
        sortedIds = new long[size];
        positionOfSortedId = new int[size];
        for (int k = 0; k < size; k++) {
            sortedIds[k] = tracks[order[k]].id();
            positionOfSortedId[k] = order[k];
        }
    }

    private static double[] tempoPercentiles(List<Track> pool) {
        List<Integer> known = new ArrayList<>();
        for (int i = 0; i < pool.size(); i++) {
            if (pool.get(i).features().tempo() != null) {
                known.add(i);
            }
        }
        double[] ranked = PercentileIndex.of(known, i -> pool.get(i).features().tempo());
        double[] out = new double[pool.size()];
        Arrays.fill(out, 0.5);
        for (int k = 0; k < known.size(); k++) {
            out[known.get(k)] = ranked[k];
        }
        return out;
    }

    int cell(double valencePercentile, double energyPercentile) {
        return cellX(valencePercentile) + grid * cellX(energyPercentile);
    }

    int cellX(double percentile) {
        return Math.min(grid - 1, Math.max(0, (int) (percentile * grid)));
    }

    /** Artist id of a name (any case), or -1 when no track in the pool has it. */
    int artistId(String name) {
        Integer id = artistIds.get(name == null ? "" : name.toLowerCase(Locale.ROOT));
        return id == null ? -1 : id;
    }

    int[] positionsOfArtist(int id) {
        return id < 0 ? new int[0] : positionsByArtist[id];
    }

    int artistCount() {
        return positionsByArtist.length;
    }

    /** Position of a catalog track id in this pool, or -1. */
    int positionOf(long trackId) {
        int k = Arrays.binarySearch(sortedIds, trackId);
        return k < 0 ? -1 : positionOfSortedId[k];
    }
}
