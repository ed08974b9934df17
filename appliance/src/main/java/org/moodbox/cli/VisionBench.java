package org.moodbox.cli;

import java.time.Clock;
import java.util.Arrays;
import org.bytedeco.opencv.opencv_core.Mat;
import org.moodbox.mood.MoodTracker;
import org.moodbox.mood.MoodTrackerSettings;
import org.moodbox.vision.BenchFrames;
import org.moodbox.vision.CnnEmotionClassifier;
import org.moodbox.vision.DetectorKind;
import org.moodbox.vision.FaceDetector;
import org.moodbox.vision.FacePipeline;
import org.moodbox.vision.FrameAnalysis;
import org.moodbox.vision.MtcnnDetector;
import org.moodbox.vision.MtcnnStageTimes;
import org.moodbox.vision.StageTimings;

/**
 * One detector + the emotion CNN + the mood tracker over the bench frames on this thread: a recall
 * pass (each photo once), a warm-up, then {@code frames} timed frames cycling through the photos.
 * Timing arrays are sized up front so the timed loop itself allocates nothing beyond the pipeline.
 */
final class VisionBench {
    /** Medians in ms; {@code totalMs}/{@code totalP95Ms} are wall time of decode + analyse + track. */
    record Result(DetectorKind kind, String pipeline, double decodeMs, double detectMs, double alignMs,
                  double classifyMs, double trackMs, double totalMs, double totalP95Ms, int[] facesPerPhoto,
                  MtcnnSplit mtcnn) {
        int found() {
            return Arrays.stream(facesPerPhoto).sum();
        }

        /** Count-based: faces found (capped at the visible count) over faces visible; no box matching. */
        double recall() {
            return Math.min(found(), BenchFrames.VISIBLE_FACES) / (double) BenchFrames.VISIBLE_FACES;
        }
    }

    /** Median P/R/O-Net ms and crops a frame, for MTCNN only. */
    record MtcnnSplit(double pnetMs, double rnetMs, double onetMs, double rnetCrops, double onetCrops) {
    }

    private VisionBench() {
    }

    static Result run(DetectorKind kind, BenchFrames frames, int warmup, int timed) {
        FaceDetector detector = kind.create();
        MoodTracker tracker = new MoodTracker(MoodTrackerSettings.defaults(), Clock.systemUTC());
        try (FacePipeline pipeline = new FacePipeline(detector, new CnnEmotionClassifier())) {
            MtcnnDetector mtcnn = detector instanceof MtcnnDetector m ? m : null;
            int[] perPhoto = new int[frames.count()];
            for (int i = 0; i < frames.count(); i++) {
                perPhoto[i] = pipeline.analyse(frames.decode(i)).faces().size();
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
            return new Result(kind, pipeline.describe(), median(decode), median(detect), median(align),
                    median(classify), median(track), median(total), percentile(total, 0.95), perPhoto, mtcnnSplit);
        }
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
