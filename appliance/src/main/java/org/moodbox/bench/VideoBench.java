package org.moodbox.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.moodbox.model.Emotion;
import org.moodbox.mood.MoodTracker;
import org.moodbox.mood.MoodTrackerSettings;
import org.moodbox.vision.BoundingBox;
import org.moodbox.vision.DetectorKind;
import org.moodbox.vision.EmotionModelKind;
import org.moodbox.vision.FacePipeline;
import org.moodbox.vision.FaceReading;
import org.moodbox.vision.FrameAnalysis;
import org.moodbox.vision.FrameMode;
import org.moodbox.vision.PipelineCounts;

/**
 * One pipeline (detector, emotion model, frame mode) and the mood tracker over a {@link MovingFaceClip} on this
 * thread, frame by frame at the clip's own frame times: a warm-up on the clip's last second first (for the JIT;
 * the clip's first frame is then a cut), then the whole clip timed. Per frame it keeps the wall time from pixels
 * to mood, and over the clip the thread's CPU time; it scores each frame's boxes against the clip's ground
 * truth ({@link Scoring}) and keeps the emotion read for each true face, so two runs can be compared face by face.
 */
public final class VideoBench {
    /** One run's figures; {@code labels[frame][identity]} is the emotion read for that true face, or null. */
    public record Result(DetectorKind detector, EmotionModelKind model, FrameMode mode, String pipeline,
                         double meanMs, double p95Ms, double cpuMsPerVideoSecond, Scoring.Score score,
                         PipelineCounts counts, double videoSeconds, String[][] labels) {
        public String label() {
            return detector.id() + " + " + model.id() + ", " + mode.id();
        }

        public double detectionsPerSecond() {
            return counts.detections() / videoSeconds;
        }

        public double readingsPerSecond() {
            return counts.readings() / videoSeconds;
        }
    }

    private VideoBench() {
    }

    public static Result run(DetectorKind detector, EmotionModelKind model, FrameMode mode, MovingFaceClip clip) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        MoodTracker mood = new MoodTracker(MoodTrackerSettings.defaults(), Clock.systemUTC());
        int frames = clip.frames();
        int warmup = Math.min(frames, clip.fps());
        try (FacePipeline pipeline = FacePipeline.create(detector, model, mode)) {
            for (int i = frames - warmup; i < frames; i++) {
                mood.accept(pipeline.analyse(clip.render(i), clip.nanos(i)));
            }
            long start = clip.nanos(frames); // the clip again, its times after the warm-up's
            PipelineCounts before = pipeline.counts();
            double[] ms = new double[frames];
            List<List<FaceReading>> found = new ArrayList<>(frames);
            long cpuNanos = 0;
            for (int i = 0; i < frames; i++) {
                Mat frame = clip.render(i);
                long cpu0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                FrameAnalysis analysis = pipeline.analyse(frame, start + clip.nanos(i));
                mood.accept(analysis);
                long t1 = System.nanoTime();
                cpuNanos += threads.getCurrentThreadCpuTime() - cpu0;
                ms[i] = (t1 - t0) / 1e6;
                found.add(analysis.faces());
            }
            PipelineCounts after = pipeline.counts();
            PipelineCounts counts = new PipelineCounts(after.frames() - before.frames(),
                    after.detections() - before.detections(), after.readings() - before.readings());
            double seconds = frames / (double) clip.fps();
            List<List<BoundingBox>> boxes = new ArrayList<>(frames);
            found.forEach(faces -> boxes.add(faces.stream().map(f -> f.face().box()).toList()));
            Scoring.Score score = Scoring.score(clip, boxes);
            String[][] labels = new String[frames][];
            for (int i = 0; i < frames; i++) {
                int[] match = score.matches()[i];
                labels[i] = new String[match.length];
                for (int t = 0; t < match.length; t++) {
                    labels[i][t] = match[t] < 0 ? null : found.get(i).get(match[t]).emotion().top().name();
                }
            }
            return new Result(detector, model, mode, pipeline.describe(), Arrays.stream(ms).average().orElse(0),
                    VisionBench.percentile(ms.clone(), 0.95), cpuNanos / 1e6 / seconds, score, counts, seconds, labels);
        }
    }

    /**
     * How often the emotion read for a true face changed from one frame to the next, over consecutive frames where it
     * was found in both: a pipeline's own flicker, which bounds how well a held reading can agree with it.
     */
    public static double flicker(String[][] labels) {
        int pairs = 0;
        int changed = 0;
        for (int i = 1; i < labels.length; i++) {
            for (int t = 0; t < Math.min(labels[i].length, labels[i - 1].length); t++) {
                if (labels[i][t] != null && labels[i - 1][t] != null) {
                    pairs++;
                    changed += labels[i][t].equals(labels[i - 1][t]) ? 0 : 1;
                }
            }
        }
        return pairs == 0 ? Double.NaN : changed / (double) pairs;
    }

    /**
     * How often two runs read the same emotion for the same true face in the same frame, over the frames where both
     * found it (with {@link Emotion} names, or a peer's own labels): 1 is full agreement. NaN when they never both
     * found one.
     */
    public static double agreement(String[][] a, String[][] b) {
        int both = 0;
        int same = 0;
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            for (int t = 0; t < Math.min(a[i].length, b[i].length); t++) {
                if (a[i][t] != null && b[i][t] != null) {
                    both++;
                    same += a[i][t].equals(b[i][t]) ? 1 : 0;
                }
            }
        }
        return both == 0 ? Double.NaN : same / (double) both;
    }
}
