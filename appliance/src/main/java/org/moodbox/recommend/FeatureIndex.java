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
 * A frozen pool of tracks laid out for fast nearest-to-target queries: each track's perceived valence and
 * arousal ({@link PerceivedMood}, absolute 0..1, computed once), and a G x G grid over that plane so a request
 * scans only the cells near its target instead of scoring and sorting every track.
 *
 * <p>The grid's column and row edges sit at the pool's quantiles of perceived valence and arousal, so every
 * column and row holds about the same number of tracks however the catalog is skewed; G is chosen for about
 * 64 tracks per cell. Distances are still absolute: the edges only decide which tracks share a cell. Tracks
 * are stored in cell order (one array per field) so a cell is a contiguous slice: cache-friendly and no
 * per-track objects on the hot path.
 */
final class FeatureIndex {
    private static final int TRACKS_PER_CELL = 64;

    final int size;
    final int grid;
    /** First position of each cell; cell c holds positions cellStart[c] .. cellStart[c+1]-1. */
    final int[] cellStart;
    /** Column edges (valence) and row edges (arousal): grid + 1 ascending values from 0 to 1. */
    final double[] valenceEdges;
    final double[] arousalEdges;
    final Track[] tracks;
    /** Per cell, the box its tracks span: min valence, max valence, min arousal, max arousal (4 per cell). */
    final double[] cellBox;
    /** Perceived valence and arousal, absolute 0..1. */
    final double[] valence;
    final double[] arousal;
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
        double[] vp = new double[size];
        double[] ep = new double[size];
        for (int i = 0; i < size; i++) {
            PerceivedMood.Point p = PerceivedMood.of(pool.get(i).features());
            vp[i] = p.valence();
            ep[i] = p.arousal();
        }
        valenceEdges = quantileEdges(vp, grid);
        arousalEdges = quantileEdges(ep, grid);
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
        arousal = new double[size];
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
            arousal[p] = ep[i];
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
        cellBox = new double[4 * grid * grid];
        for (int c = 0; c < grid * grid; c++) {
            double minV = Double.POSITIVE_INFINITY;
            double maxV = Double.NEGATIVE_INFINITY;
            double minA = Double.POSITIVE_INFINITY;
            double maxA = Double.NEGATIVE_INFINITY;
            for (int p = cellStart[c]; p < cellStart[c + 1]; p++) {
                minV = Math.min(minV, valence[p]);
                maxV = Math.max(maxV, valence[p]);
                minA = Math.min(minA, arousal[p]);
                maxA = Math.max(maxA, arousal[p]);
            }
            cellBox[4 * c] = minV;
            cellBox[4 * c + 1] = maxV;
            cellBox[4 * c + 2] = minA;
            cellBox[4 * c + 3] = maxA;
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

    /** Edges 0, the (1/g .. (g-1)/g) quantiles, 1: equal-count columns (or rows). */
    private static double[] quantileEdges(double[] values, int g) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double[] edges = new double[g + 1];
        edges[g] = 1;
        for (int k = 1; k < g; k++) {
            edges[k] = sorted.length == 0 ? k / (double) g : sorted[(int) ((long) k * sorted.length / g)];
        }
        return edges;
    }

    int cell(double valence, double arousal) {
        return column(valence) + grid * row(arousal);
    }

    int column(double valence) {
        return slot(valenceEdges, valence);
    }

    int row(double arousal) {
        return slot(arousalEdges, arousal);
    }

    /** The slot k with edges[k] <= v < edges[k + 1] (the last slot takes 1 itself). */
    private int slot(double[] edges, double v) {
        int lo = 0;
        int hi = grid - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (edges[mid] <= v) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
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
