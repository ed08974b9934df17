package org.moodbox.vision;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point2f;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.getRotationMatrix2D;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

/**
 * Cuts a face out of a grey frame as a square upright crop: rotated so the eyes are level (when the
 * detector gave landmarks), scaled so the detector's box fills the crop. FER-2013 faces are upright
 * and tightly cropped, so a tilted head otherwise reads as a different expression.
 */
public final class FaceAligner implements AutoCloseable {
    private final int side;
    private final double boxScale;
    private final Mat crop;

    /** @param boxScale how much larger than the detector's box the crop is (1.0 = the box itself) */
    public FaceAligner(int side, double boxScale) {
        this.side = side;
        this.boxScale = boxScale;
        this.crop = new Mat(side, side, CV_8UC1);
    }

    /** Returns a side x side grey Mat owned by this aligner (overwritten by the next call). */
    public Mat align(Mat grey, DetectedFace face) {
        BoundingBox box = face.box();
        double angle = 0;
        if (face.landmarks() != null) {
            float[] x = face.landmarks().x();
            float[] y = face.landmarks().y();
            angle = Math.toDegrees(Math.atan2(y[1] - y[0], x[1] - x[0]));
        }
        double size = Math.max(box.width(), box.height()) * boxScale;
        double scale = size <= 0 ? 1 : side / size;
        try (Point2f center = new Point2f(box.centerX(), box.centerY());
             Mat m = getRotationMatrix2D(center, angle, scale)) {
            DoublePointer p = new DoublePointer(m.data());
            // Move the face centre to the crop centre after rotating and scaling about it.
            p.put(2, p.get(2) + side / 2.0 - box.centerX());
            p.put(5, p.get(5) + side / 2.0 - box.centerY());
            try (Size size2 = new Size(side, side); Scalar border = new Scalar()) {
                warpAffine(grey, crop, m, size2, INTER_LINEAR, BORDER_REPLICATE, border);
            }
        }
        return crop;
    }

    @Override
    public void close() {
        crop.close();
    }
}
