package org.moodbox.vision;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * BlazeFace (Bazarevsky et al. 2019) on MediaPipe's short or full range model: one pass over the frame
 * letterboxed into the model's square input (aspect kept, black bars), SSD anchors decoded as
 * MediaPipe's face_detection graphs do, sigmoid scores, weighted NMS, and six keypoints of which the
 * eyes, nose tip and mouth centre become our five {@link Landmarks}.
 *
 * <p>One interpreter, one input square and all decode buffers live as long as the detector; only the
 * few detections that pass the score threshold are allocated per frame.
 */
public final class BlazeFaceDetector implements FaceDetector {
    /** MediaPipe's min_score_thresh for face detection. */
    private static final float MIN_SCORE = 0.5f;
    /** MediaPipe's min_suppression_threshold for the blending NMS. */
    private static final float NMS_IOU = 0.3f;
    /** MediaPipe's score_clipping_thresh: raw logits are clipped before the sigmoid. */
    private static final float SCORE_CLIP = 100f;
    private static final int VALUES = 16;
    private static final int KEYPOINTS = 6;

    private final BlazeFaceRange range;
    private final int size;
    private final TfliteModel model;
    private final int regressorsOut;
    private final int scoresOut;
    private final float[] anchors;
    private final Mat square;
    private final byte[] pixels;
    private final float[] input;
    private final float[] regressors;
    private final float[] scores;
    /** The letterbox of the last frame size: a camera keeps one size, so this is built once. */
    private Letterbox letterbox;

    public BlazeFaceDetector(BlazeFaceRange range) {
        this.range = range;
        this.size = range.inputSize();
        this.model = TfliteModel.fromModelFiles(range.modelFile(), 1);
        model.input(0); // plans the tensors once, at the model's own fixed size
        int[] shape = model.inputShape(0);
        if (!Arrays.equals(shape, new int[] {1, size, size, 3})) {
            model.close();
            throw new IllegalStateException(range.modelFile() + " takes " + Arrays.toString(shape)
                    + ", expected [1, " + size + ", " + size + ", 3]");
        }
        this.regressorsOut = model.outputWithLastDim(VALUES, 2);
        this.scoresOut = model.outputWithLastDim(1, 2);
        this.anchors = SsdAnchors.centres(size, range.strides(), range.interpolatedAnchor());
        int count = anchors.length / 2;
        if (model.outputShape(scoresOut)[1] != count) {
            model.close();
            throw new IllegalStateException(range.modelFile() + " has " + model.outputShape(scoresOut)[1]
                    + " anchors, the SSD options give " + count);
        }
        this.square = new Mat(size, size, CV_8UC3, Scalar.all(0));
        this.pixels = new byte[size * size * 3];
        this.input = new float[size * size * 3];
        this.regressors = new float[count * VALUES];
        this.scores = new float[count];
    }

    @Override
    public String name() {
        return range.detectorName();
    }

    @Override
    public List<DetectedFace> detect(Mat bgr) {
        if (bgr.cols() < 1 || bgr.rows() < 1) {
            return List.of();
        }
        Letterbox box = letterboxFor(bgr.cols(), bgr.rows());
        resize(bgr, box.content, box.contentSize, 0, 0, box.interpolation);
        square.data().get(pixels);
        for (int i = 0; i < pixels.length; i += 3) {
            // BGR bytes to RGB in [-1, 1], as the MediaPipe graph's tensor conversion does.
            input[i] = (pixels[i + 2] & 0xff) / 127.5f - 1f;
            input[i + 1] = (pixels[i + 1] & 0xff) / 127.5f - 1f;
            input[i + 2] = (pixels[i] & 0xff) / 127.5f - 1f;
        }
        model.input(0).put(input);
        model.invoke();
        model.output(regressorsOut).get(regressors);
        model.output(scoresOut).get(scores);
        return faces(WeightedNms.blend(decode(box), NMS_IOU));
    }

    /** Anchors whose score passes the threshold, as boxes and keypoints in frame pixels. */
    private List<WeightedNms.Raw> decode(Letterbox box) {
        List<WeightedNms.Raw> found = new ArrayList<>();
        for (int a = 0; a < scores.length; a++) {
            float logit = Math.max(-SCORE_CLIP, Math.min(SCORE_CLIP, scores[a]));
            float score = (float) (1 / (1 + Math.exp(-logit)));
            if (score < MIN_SCORE) {
                continue;
            }
            // x_scale = y_scale = w_scale = h_scale = input size and anchors of size 1: the regressors are
            // offsets in input pixels from the anchor centre.
            int r = a * VALUES;
            float ax = anchors[a * 2] * size;
            float ay = anchors[a * 2 + 1] * size;
            float cx = regressors[r] + ax;
            float cy = regressors[r + 1] + ay;
            float w = regressors[r + 2];
            float h = regressors[r + 3];
            float[] v = new float[VALUES];
            v[0] = box.toFrameX(cx - w / 2);
            v[1] = box.toFrameY(cy - h / 2);
            v[2] = box.toFrameX(cx + w / 2);
            v[3] = box.toFrameY(cy + h / 2);
            for (int k = 0; k < KEYPOINTS; k++) {
                v[4 + 2 * k] = box.toFrameX(regressors[r + 4 + 2 * k] + ax);
                v[5 + 2 * k] = box.toFrameY(regressors[r + 5 + 2 * k] + ay);
            }
            found.add(new WeightedNms.Raw(score, v));
        }
        return found;
    }

    private static List<DetectedFace> faces(List<WeightedNms.Raw> blended) {
        List<DetectedFace> faces = new ArrayList<>(blended.size());
        for (WeightedNms.Raw d : blended) {
            faces.add(new DetectedFace(d.box(), d.score(), landmarks(d.values())));
        }
        return faces;
    }

    /**
     * BlazeFace's keypoints are the subject's right eye, left eye, nose tip, mouth centre and the two ear
     * tragions. Our {@link Landmarks} name eyes as seen in the image (left = smaller x), so the two eyes
     * are ordered by x. BlazeFace has one mouth point: it stands for both mouth corners. That is exact for
     * what reads landmarks today ({@link FaceAligner} levels the eyes only) and for anything using the
     * mouth centre; nothing may measure mouth width from BlazeFace landmarks.
     */
    private static Landmarks landmarks(float[] v) {
        float ex0 = v[4];
        float ey0 = v[5];
        float ex1 = v[6];
        float ey1 = v[7];
        boolean firstIsLeft = ex0 <= ex1;
        float[] x = {firstIsLeft ? ex0 : ex1, firstIsLeft ? ex1 : ex0, v[8], v[10], v[10]};
        float[] y = {firstIsLeft ? ey0 : ey1, firstIsLeft ? ey1 : ey0, v[9], v[11], v[11]};
        return new Landmarks(x, y);
    }

    private Letterbox letterboxFor(int width, int height) {
        if (letterbox == null || letterbox.width != width || letterbox.height != height) {
            if (letterbox != null) {
                letterbox.close();
            }
            square.put(Scalar.all(0)); // a new size may leave bars where the old content was
            letterbox = new Letterbox(square, size, width, height);
        }
        return letterbox;
    }

    @Override
    public void close() {
        if (letterbox != null) {
            letterbox.close();
        }
        square.close();
        model.close();
    }

    /** Where a frame of one size sits inside the model's square: scaled to fit, centred, black bars. */
    private static final class Letterbox implements AutoCloseable {
        final int width;
        final int height;
        final int padX;
        final int padY;
        final Size contentSize;
        final Mat content;
        /**
         * Bilinear, as MediaPipe's own OpenCV image-to-tensor step does, up to a 4x reduction (640x480 into
         * 192 is 3.3x: bilinear costs 0.1 ms there, area averaging 1.7 ms, a sixth of the whole detection);
         * beyond that bilinear would skip whole pixels of a small face, so area averaging.
         */
        final int interpolation;

        Letterbox(Mat square, int side, int width, int height) {
            this.width = width;
            this.height = height;
            double scale = (double) side / Math.max(width, height);
            int w = Math.max(1, Math.min(side, (int) Math.round(width * scale)));
            int h = Math.max(1, Math.min(side, (int) Math.round(height * scale)));
            this.padX = (side - w) / 2;
            this.padY = (side - h) / 2;
            this.contentSize = new Size(w, h);
            this.interpolation = scale >= 0.25 ? INTER_LINEAR : INTER_AREA;
            try (Rect rect = new Rect(padX, padY, w, h)) {
                this.content = square.apply(rect);
            }
        }

        // Each axis by its own rounded content size, so the content's edges map exactly to the frame's.
        float toFrameX(float inputX) {
            return (inputX - padX) * width / (float) contentSize.width();
        }

        float toFrameY(float inputY) {
            return (inputY - padY) * height / (float) contentSize.height();
        }

        @Override
        public void close() {
            content.close();
            contentSize.close();
        }
    }
}
