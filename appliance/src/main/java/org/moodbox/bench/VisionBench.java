package org.moodbox.bench;

import java.time.Clock;
import java.util.Arrays;
import org.bytedeco.opencv.opencv_core.Mat;
import org.moodbox.mood.MoodTracker;
import org.moodbox.mood.MoodTrackerSettings;
import java.util.List;
import org.moodbox.models.SampleFaces;
import org.moodbox.vision.BoundingBox;
import org.moodbox.vision.EmotionClassifier;
import org.moodbox.vision.EmotionModelKind;
import org.moodbox.vision.FaceReading;
import org.moodbox.vision.DetectorKind;
import org.moodbox.vision.FaceDetector;
import org.moodbox.vision.FacePipeline;
import org.moodbox.vision.FrameAnalysis;
import org.moodbox.vision.MtcnnDetector;
import org.moodbox.vision.MtcnnStageTimes;
import org.moodbox.vision.StageTimings;

/**
 * One detector + one emotion model + the mood tracker over the bench frames on this thread: a recall
 * pass (each photo once, boxes matched to the hand-checked {@link SampleFaces}), a warm-up, then
 * {@code frames} timed frames cycling through the photos. Timing arrays are sized up front so the timed
 * loop itself allocates nothing beyond the pipeline.
 */
public final class VisionBench {
    /** A found box counts as a reference face when they overlap this much (MTCNN's boxes are taller than square). */
    public static final double MATCH_IOU = 0.4;

    /**
     * Medians in ms; {@code totalMs}/{@code totalP95Ms} are wall time of decode + analyse + track, and
     * {@code fromPixelsMs} the same without the JPEG decode: from decoded pixels, as the peer is timed.
     */
    public record Result(DetectorKind kind, EmotionModelKind model, String pipeline, double decodeMs, double detectMs,
                  double alignMs, double classifyMs, double trackMs, double totalMs, double totalP95Ms, double fromPixelsMs,
                  int[] facesPerPhoto, int matched, MtcnnSplit mtcnn) {
        public int found() {
            return Arrays.stream(facesPerPhoto).sum();
        }

        /** Count-based: faces found (capped at the visible count) over faces visible. */
        public double recall() {
            return Math.min(found(), BenchFrames.VISIBLE_FACES) / (double) BenchFrames.VISIBLE_FACES;
        }

        /** Box-based: reference faces matched one-to-one by a found box with IoU of at least {@link #MATCH_IOU}. */
        public double boxRecall() {
            return matched / (double) SampleFaces.ALL.size();
        }

        public String label() {
            return kind.id() + " + " + model.id();
        }
    }

    /** Median P/R/O-Net ms and crops a frame, for MTCNN only. */
    public record MtcnnSplit(double pnetMs, double rnetMs, double onetMs, double rnetCrops, double onetCrops) {
    }

    private VisionBench() {
    }

    public static Result run(DetectorKind kind, EmotionModelKind model, BenchFrames frames, int warmup, int timed) {
        FaceDetector detector = kind.create();
        MoodTracker tracker = new MoodTracker(MoodTrackerSettings.defaults(), Clock.systemUTC());
        EmotionClassifier classifier;
        try {
            classifier = model.create();
        } catch (RuntimeException e) {
            detector.close();
            throw e;
        }
        try (FacePipeline pipeline = new FacePipeline(detector, classifier)) {
            MtcnnDetector mtcnn = detector instanceof MtcnnDetector m ? m : null;
            int[] perPhoto = new int[frames.count()];
            int matched = 0;
            for (int i = 0; i < frames.count(); i++) {
                List<FaceReading> faces = pipeline.analyse(frames.decode(i)).faces();
                perPhoto[i] = faces.size();
                matched += matched(SampleFaces.inPhoto(i + 1), faces);
            }
            for (int i = 0; i < warmup; i++) {
                tracker.accept(pipeline.analyse(frames.decode(i % frames.count())));
            }
            double[] decode = new double[timed];
            double[] detect = new double[timed];
            double[] align = new double[timed];
            double[] classify = new double[timed];
            double[] track = new double[timed];
            double[] total = new double[timed];
            double[] fromPixels = new double[timed];
            double[][] split = new double[5][timed];
            for (int i = 0; i < timed; i++) {
                long t0 = System.nanoTime();
                Mat frame = frames.decode(i % frames.count());
                long t1 = System.nanoTime();
                FrameAnalysis analysis = pipeline.analyse(frame);
                long t2 = System.nanoTime();
                tracker.accept(analysis);
                long t3 = System.nanoTime();
                StageTimings s = analysis.timings();
                decode[i] = (t1 - t0) / 1e6;
                detect[i] = s.detectMs();
                align[i] = s.alignMs();
                classify[i] = s.classifyMs();
                track[i] = (t3 - t2) / 1e6;
                total[i] = (t3 - t0) / 1e6;
                fromPixels[i] = (t3 - t1) / 1e6;
                if (mtcnn != null) {
                    MtcnnStageTimes m = mtcnn.lastStageTimes();
                    split[0][i] = m.pnetMs();
                    split[1][i] = m.rnetMs();
                    split[2][i] = m.onetMs();
                    split[3][i] = m.rnetCrops();
                    split[4][i] = m.onetCrops();
                }
            }
            MtcnnSplit mtcnnSplit = mtcnn == null ? null : new MtcnnSplit(median(split[0]), median(split[1]),
                    median(split[2]), median(split[3]), median(split[4]));
            return new Result(kind, model, pipeline.describe(), median(decode), median(detect), median(align),
                    median(classify), median(track), median(total), percentile(total, 0.95), median(fromPixels), perPhoto, matched,
                    mtcnnSplit);
        }
    }

    /** Reference faces each matched by a different found box (best IoU first, at least {@link #MATCH_IOU}). */
    static int matched(List<SampleFaces.Face> reference, List<FaceReading> found) {
        boolean[] used = new boolean[found.size()];
        int count = 0;
        for (SampleFaces.Face face : reference) {
            int best = -1;
            double bestIou = MATCH_IOU;
            for (int k = 0; k < found.size(); k++) {
                BoundingBox b = found.get(k).face().box();
                double iou = face.iou(b.x1(), b.y1(), b.x2(), b.y2());
                if (!used[k] && iou >= bestIou) {
                    best = k;
                    bestIou = iou;
                }
            }
            if (best >= 0) {
                used[best] = true;
                count++;
            }
        }
        return count;
    }

    static double median(double[] values) {
        return percentile(values, 0.5);
    }

    /** Nearest-rank percentile; sorts {@code values} in place. */
    static double percentile(double[] values, double q) {
        if (values.length == 0) {
            return 0;
        }
        Arrays.sort(values);
        return values[Math.max(0, Math.min(values.length - 1, (int) Math.ceil(q * values.length) - 1))];
    }
}
