package org.moodbox.vision;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * Reads a followed face's emotion only when it changed: each track keeps its last reading and a 12x12
 * thumbnail of the aligned crop it was read from. A face is read again when its crop changed beyond
 * {@link TrackingSettings#cropChange()} (at most every {@link TrackingSettings#minReadGap()}), or when its
 * reading is older than {@link TrackingSettings#readRefresh()}; otherwise its last reading stands. Every frame
 * still hands on a reading for every face, as before: the mood room sees the same kind of frames.
 */
final class EmotionReads implements AutoCloseable {
    private static final int THUMB = 12;

    /** A track's last reading, when it was taken, and the crop it was taken from. */
    private record Held(EmotionReading reading, long atNanos, byte[] thumb) {
    }

    private final TrackingSettings settings;
    private final Map<Integer, Held> held = new HashMap<>();
    private final Mat small = new Mat();
    private final Size smallSize = new Size(THUMB, THUMB);
    private long reads;

    /** @param settings null: read every face in every frame */
    EmotionReads(TrackingSettings settings) {
        this.settings = settings;
    }

    /** The reading of track {@code id} whose aligned crop is {@code crop}: fresh, or its last one if unchanged. */
    EmotionReading reading(int id, Mat crop, long nanos, EmotionClassifier classifier) {
        if (settings == null) {
            reads++;
            return classifier.classify(crop);
        }
        resize(crop, small, smallSize, 0, 0, INTER_AREA);
        byte[] thumb = new byte[THUMB * THUMB];
        small.data().get(thumb);
        Held last = held.get(id);
        if (last != null) {
            long age = nanos - last.atNanos();
            boolean stale = age >= settings.readRefresh().toNanos();
            boolean changed = age >= settings.minReadGap().toNanos() && change(thumb, last.thumb()) > settings.cropChange();
            if (!stale && !changed) {
                return last.reading();
            }
        }
        EmotionReading fresh = classifier.classify(crop);
        reads++;
        held.put(id, new Held(fresh, nanos, thumb));
        return fresh;
    }

    /** Forgets the tracks that are gone: a number is never reused, so this only frees memory. */
    void keepOnly(Set<Integer> ids) {
        held.keySet().retainAll(ids);
    }

    /** Classifier runs so far. */
    long reads() {
        return reads;
    }

    /** Mean absolute difference of two thumbnails once each one's mean brightness is taken away. */
    static double change(byte[] a, byte[] b) {
        double meanA = 0;
        double meanB = 0;
        for (int i = 0; i < a.length; i++) {
            meanA += a[i] & 0xff;
            meanB += b[i] & 0xff;
        }
        double shift = (meanA - meanB) / a.length;
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs((a[i] & 0xff) - (b[i] & 0xff) - shift);
        }
        return sum / a.length;
    }

    @Override
    public void close() {
        small.close();
        smallSize.close();
    }
}
