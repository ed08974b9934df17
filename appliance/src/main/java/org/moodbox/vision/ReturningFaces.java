package org.moodbox.vision;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Gives a face that left the view and came back its old track id: the last {@link FaceSignature} of each track
 * that ended is kept for {@link #MEMORY_NANOS}, and a new track whose first signature is within
 * {@link #SAME_FACE} of one of them is that person again (the closest one). So the mood room's smoothing picks up
 * where the person left it when they lean out of the picture for a moment. A coarse check: a face that comes back
 * turned or lit differently gets a new id, which only costs its history.
 */
final class ReturningFaces {
    /** How long a face that left is remembered. */
    static final long MEMORY_NANOS = 10_000_000_000L;
    /**
     * Signature difference below which a new face is one that left: below every pair of different sample faces on
     * the moving-face clip (18.4 at least), above 90% of the differences between one face's own signatures across
     * it (12.8 at the 90th percentile, 19.2 at the 99th).
     */
    static final double SAME_FACE = 15;

    private record Gone(byte[] signature, long atNanos) {
    }

    private final Map<Integer, byte[]> live = new HashMap<>();
    private final Map<Integer, Gone> gone = new HashMap<>();

    /**
     * The id a face seen now as track {@code id} should carry: a track that was live on the last frame keeps its id;
     * a new one takes the id of the face that left whose signature is closest, if close enough.
     */
    int identify(int id, byte[] signature, long nanos, Set<Integer> taken) {
        if (live.containsKey(id)) {
            return id;
        }
        int best = id;
        double bestDifference = SAME_FACE;
        for (Map.Entry<Integer, Gone> e : gone.entrySet()) {
            double d = FaceSignature.difference(signature, e.getValue().signature());
            if (d < bestDifference && !taken.contains(e.getKey()) && nanos - e.getValue().atNanos() <= MEMORY_NANOS) {
                bestDifference = d;
                best = e.getKey();
            }
        }
        gone.remove(best);
        return best;
    }

    /** This frame's faces by the ids they carry now, with their signatures: whoever is missing has left. */
    void frameDone(Map<Integer, byte[]> now, long nanos) {
        for (Map.Entry<Integer, byte[]> e : live.entrySet()) {
            if (!now.containsKey(e.getKey())) {
                gone.put(e.getKey(), new Gone(e.getValue(), nanos));
            }
        }
        live.clear();
        live.putAll(now);
        for (Iterator<Gone> i = gone.values().iterator(); i.hasNext(); ) {
            if (nanos - i.next().atNanos() > MEMORY_NANOS) {
                i.remove();
            }
        }
    }
}
