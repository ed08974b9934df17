package org.moodbox.vision;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Reads a followed face's emotion only when it changed: each track keeps its last reading and the
 * {@link FaceSignature} of the aligned crop it was read from. A face is read again when its signature changed
 * beyond {@link TrackingSettings#cropChange()} (at most every {@link TrackingSettings#minReadGap()}), or when its
 * reading is older than {@link TrackingSettings#readRefresh()}; otherwise its last reading stands. Every frame
 * still hands on a reading for every face, as before: the mood room sees the same kind of frames.
 */
final class EmotionReads {
    /** A track's last reading, when it was taken, and the signature of the crop it was taken from. */
    private record Held(EmotionReading reading, long atNanos, byte[] signature) {
    }

    private final TrackingSettings settings;
    private final Map<Integer, Held> held = new HashMap<>();
    private long reads;

    /** @param settings null: read every face in every frame */
    EmotionReads(TrackingSettings settings) {
        this.settings = settings;
    }

    /** The reading of track {@code id} whose aligned crop is {@code crop}: fresh, or its last one if unchanged. */
    EmotionReading reading(int id, Mat crop, byte[] signature, long nanos, EmotionClassifier classifier) {
        if (settings == null) {
            reads++;
            return classifier.classify(crop);
        }
        Held last = held.get(id);
        if (last != null) {
            long age = nanos - last.atNanos();
            boolean stale = age >= settings.readRefresh().toNanos();
            boolean changed = age >= settings.minReadGap().toNanos()
                    && FaceSignature.difference(signature, last.signature()) > settings.cropChange();
            if (!stale && !changed) {
                return last.reading();
            }
        }
        EmotionReading fresh = classifier.classify(crop);
        reads++;
        held.put(id, new Held(fresh, nanos, signature));
        return fresh;
    }

    /** Forgets the tracks that are gone (a face that comes back is read afresh). */
    void keepOnly(Set<Integer> ids) {
        held.keySet().retainAll(ids);
    }

    /** Classifier runs so far. */
    long reads() {
        return reads;
    }
}
