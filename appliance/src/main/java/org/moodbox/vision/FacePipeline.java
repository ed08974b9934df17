package org.moodbox.vision;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bytedeco.opencv.opencv_core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGRA2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

/**
 * Detect, align, classify: one frame in, faces with expressions out. Any frame, however odd
 * (empty, grey, RGBA, huge), gives a {@link FrameAnalysis}; nothing is thrown at the caller and
 * no pixel leaves this class.
 *
 * <p>In {@link FrameMode#TRACKED} the detector runs on keyframes and a follower carries the faces in between
 * ({@link FaceTracker}), and a face's emotion is read again only when its crop changed or its reading grew old
 * ({@link EmotionReads}); in {@link FrameMode#EVERY_FRAME} every frame pays for both. Either way each face
 * carries its track id, and every frame a reading for every face.
 */
public final class FacePipeline implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FacePipeline.class);
    /** Larger frames are scaled down first: detection cost grows with pixels, not with faces. */
    private static final int MAX_SIDE = 1920;

    private final FaceDetector detector;
    private final EmotionClassifier classifier;
    private final FaceAligner aligner;
    private final FrameMode mode;
    private final FaceTracker tracker;
    private final EmotionReads reads;
    private final FaceSignature signatures = new FaceSignature();
    private final ReturningFaces returning = new ReturningFaces();
    private long frames;
    private final Mat bgr = new Mat();
    private final Mat grey = new Mat();
    /** A separate Mat: {@code bgr} may be the source of the shrink, and resize cannot work in place. */
    private final Mat shrunk = new Mat();

    /** Every frame detected and read: for photos, and the yardstick of the tracked mode. */
    public FacePipeline(FaceDetector detector, EmotionClassifier classifier) {
        this(detector, classifier, FrameMode.EVERY_FRAME, TrackingSettings.defaults());
    }

    /** Takes ownership of the detector and the classifier. */
    public FacePipeline(FaceDetector detector, EmotionClassifier classifier, FrameMode mode, TrackingSettings tracking) {
        this.detector = detector;
        this.classifier = classifier;
        this.mode = mode;
        this.aligner = new FaceAligner(classifier.inputSize(), 1.0);
        boolean tracked = mode == FrameMode.TRACKED;
        this.tracker = tracked ? new FaceTracker(detector, detector.follower(tracking), tracking) : new FaceTracker(detector);
        this.reads = new EmotionReads(tracked ? tracking : null);
    }

    public static FacePipeline mtcnnWithCnn() {
        return create(DetectorKind.MTCNN);
    }

    /** The chosen detector with the default emotion model, every frame (photos). */
    public static FacePipeline create(DetectorKind detector) {
        return create(detector, EmotionModelKind.DEFAULT);
    }

    /** Every frame (photos, folders of stills). */
    public static FacePipeline create(DetectorKind detector, EmotionModelKind emotionModel) {
        return create(detector, emotionModel, FrameMode.EVERY_FRAME);
    }

    public static FacePipeline create(DetectorKind detector, EmotionModelKind emotionModel, FrameMode mode) {
        FaceDetector faces = detector.create();
        try {
            return new FacePipeline(faces, emotionModel.create(), mode, TrackingSettings.defaults());
        } catch (RuntimeException e) {
            faces.close();
            throw e;
        }
    }

    /** The detector and emotion model, ", tracked" after them in that mode: "blazeface-full + compact, tracked". */
    public String describe() {
        return detector.name() + " + " + classifier.name() + (mode == FrameMode.TRACKED ? ", tracked" : "");
    }

    /** Frames analysed, full detections and emotion readings since the pipeline was built. */
    public PipelineCounts counts() {
        return new PipelineCounts(frames, tracker.detections(), reads.reads());
    }

    /** A frame timed now (the camera's frames as they come). */
    public FrameAnalysis analyse(Mat frame) {
        return analyse(frame, System.nanoTime());
    }

    /**
     * @param nanos when the frame was taken, on any clock that only moves forward (System.nanoTime(), or a
     *              video's own frame times): how long readings are kept and how soon a keyframe is due
     */
    public FrameAnalysis analyse(Mat frame, long nanos) {
        StageTimings none = new StageTimings(0, 0, 0, 0);
        if (frame == null || frame.isNull() || frame.empty() || frame.cols() < 1 || frame.rows() < 1) {
            return FrameAnalysis.unusable("empty frame", none);
        }
        try {
            Mat colour = asBgr(frame);
            if (colour == null) {
                return FrameAnalysis.unusable("unsupported pixel format (" + frame.channels() + " channels, depth "
                        + frame.depth() + ")", none);
            }
            frames++;
            long t0 = System.nanoTime();
            // The follower and the cut check need the grey frame every frame; every-frame mode only with faces.
            if (mode == FrameMode.TRACKED) {
                cvtColor(colour, grey, COLOR_BGR2GRAY);
            }
            List<FaceTracker.Tracked> found = tracker.update(colour, grey, nanos);
            long t1 = System.nanoTime();
            // Alignment works in the detector's frame; only the reported boxes go back to the caller's pixels.
            double toCaller = (double) frame.cols() / colour.cols();
            double alignNs = 0;
            double classifyNs = 0;
            List<FaceReading> readings = new ArrayList<>(found.size());
            if (!found.isEmpty() && mode != FrameMode.TRACKED) {
                cvtColor(colour, grey, COLOR_BGR2GRAY); // most frames of an empty room skip this
            }
            long greyDone = System.nanoTime();
            Set<Integer> taken = new HashSet<>();
            found.forEach(tracked -> taken.add(tracked.id()));
            Map<Integer, byte[]> seen = new HashMap<>();
            for (FaceTracker.Tracked tracked : found) {
                DetectedFace face = tracked.face();
                long a = System.nanoTime();
                Mat crop = aligner.align(grey, face);
                byte[] signature = signatures.of(crop);
                int id = returning.identify(tracked.id(), signature, nanos, taken);
                if (id != tracked.id()) {
                    tracker.rename(tracked.id(), id); // a face that came back: its old id, its old mood history
                    taken.add(id);
                }
                long b = System.nanoTime();
                EmotionReading emotion = reads.reading(id, crop, signature, nanos, classifier);
                long c = System.nanoTime();
                alignNs += b - a;
                classifyNs += c - b;
                seen.put(id, signature);
                readings.add(new FaceReading(toCaller == 1 ? face : scale(face, toCaller), emotion, id));
            }
            returning.frameDone(seen, nanos);
            reads.keepOnly(seen.keySet());
            alignNs += greyDone - t1; // grey conversion counts as alignment
            StageTimings timings = new StageTimings(0, (t1 - t0) / 1e6, alignNs / 1e6, classifyNs / 1e6);
            return new FrameAnalysis(frame.cols(), frame.rows(), readings, timings, null);
        } catch (RuntimeException e) {
            // A frame must never take the pipeline down; say what happened without any pixel data.
            LOG.warn("frame analysis failed: {}", e.toString());
            return FrameAnalysis.unusable("analysis failed: " + e.getMessage(), none);
        }
    }

    /** Normalises grey, BGRA and oversized frames to a BGR frame the detector accepts. */
    private Mat asBgr(Mat frame) {
        if (frame.depth() != org.bytedeco.opencv.global.opencv_core.CV_8U) {
            return null;
        }
        Mat colour;
        switch (frame.channels()) {
            case 3 -> colour = frame.isContinuous() ? frame : copyInto(frame);
            case 1 -> {
                cvtColor(frame, bgr, COLOR_GRAY2BGR);
                colour = bgr;
            }
            case 4 -> {
                cvtColor(frame, bgr, COLOR_BGRA2BGR);
                colour = bgr;
            }
            default -> {
                return null;
            }
        }
        int side = Math.max(colour.cols(), colour.rows());
        if (side > MAX_SIDE) {
            // Only huge frames pay for this; analyse() reports their boxes in the caller's pixels again.
            double s = (double) MAX_SIDE / side;
            try (org.bytedeco.opencv.opencv_core.Size size = new org.bytedeco.opencv.opencv_core.Size(
                    (int) (colour.cols() * s), (int) (colour.rows() * s))) {
                org.bytedeco.opencv.global.opencv_imgproc.resize(colour, shrunk, size);
            }
            colour = shrunk;
        }
        return colour;
    }

    private Mat copyInto(Mat frame) {
        frame.copyTo(bgr);
        return bgr;
    }

    /** A face found in a scaled-down frame, in the caller's frame pixels. */
    private static DetectedFace scale(DetectedFace face, double factor) {
        float f = (float) factor;
        BoundingBox b = face.box();
        Landmarks l = face.landmarks();
        Landmarks scaled = null;
        if (l != null) {
            float[] x = new float[5];
            float[] y = new float[5];
            for (int i = 0; i < 5; i++) {
                x[i] = l.x()[i] * f;
                y[i] = l.y()[i] * f;
            }
            scaled = new Landmarks(x, y);
        }
        return new DetectedFace(new BoundingBox(b.x1() * f, b.y1() * f, b.x2() * f, b.y2() * f), face.score(), scaled);
    }

    @Override
    public void close() {
        tracker.close();
        signatures.close();
        detector.close();
        classifier.close();
        aligner.close();
        bgr.close();
        grey.close();
        shrunk.close();
    }
}
