package org.moodbox.models;

import java.util.List;

/**
 * The 22 faces of the six face-api sample photos, as boxes in the 640x480 frames the demo video and the
 * vision bench make of them (each photo scaled to fit, aspect kept, centred on black). Reference for
 * box-level recall and the place int8 calibration crops are cut from (photos {@link #CALIBRATION_PHOTOS} only;
 * {@link #HELD_OUT_PHOTOS} are kept for judging the int8 models).
 *
 * <p>How they were made: the float MTCNN's 21 boxes plus BlazeFace full range's box for the one face
 * MTCNN misses (photo 2, the leftmost, a tilted profile); all 22 were then checked by eye on the frames
 * drawn with both detectors' boxes. MTCNN boxes are taller than wide (brow to chin), so match against
 * them with a loose IoU (the bench uses 0.4).
 */
public final class SampleFaces {
    public static final int FRAME_WIDTH = 640;
    public static final int FRAME_HEIGHT = 480;

    /** A face in sample photo {@code photo} (1-based), box in frame pixels. */
    public record Face(int photo, int x, int y, int width, int height) {
        public double iou(double x1, double y1, double x2, double y2) {
            double ix = Math.max(0, Math.min(x + width, x2) - Math.max(x, x1));
            double iy = Math.max(0, Math.min(y + height, y2) - Math.max(y, y1));
            double inter = ix * iy;
            double union = (double) width * height + Math.max(0, x2 - x1) * Math.max(0, y2 - y1) - inter;
            return union <= 0 ? 0 : inter / union;
        }
    }

    public static final List<Face> ALL = List.of(
            new Face(1, 136, 145, 59, 79),
            new Face(1, 277, 166, 68, 79),
            new Face(1, 491, 94, 69, 77),
            new Face(2, 106, 73, 57, 57),
            new Face(2, 295, 88, 61, 80),
            new Face(2, 479, 68, 67, 76),
            new Face(3, 197, 124, 67, 89),
            new Face(3, 351, 81, 77, 102),
            new Face(3, 497, 107, 67, 100),
            new Face(4, 88, 67, 59, 81),
            new Face(4, 219, 26, 56, 71),
            new Face(4, 326, 60, 58, 77),
            new Face(4, 421, 56, 54, 69),
            new Face(5, 119, 294, 71, 101),
            new Face(5, 197, 146, 59, 81),
            new Face(5, 260, 41, 55, 76),
            new Face(5, 370, 74, 58, 73),
            new Face(5, 467, 139, 67, 90),
            new Face(6, 99, 152, 66, 87),
            new Face(6, 226, 101, 62, 94),
            new Face(6, 385, 96, 63, 85),
            new Face(6, 480, 76, 69, 100));

    /**
     * The photos the shipped int8 models are calibrated on (their faces, frames and pyramid levels). Disjoint from
     * {@link #HELD_OUT_PHOTOS}: a model is never judged on the pictures its ranges were measured on.
     */
    public static final List<Integer> CALIBRATION_PHOTOS = List.of(3, 4, 5, 6);
    /** The photos no int8 model saw while being calibrated: where int8 is compared with float (6 faces). */
    public static final List<Integer> HELD_OUT_PHOTOS = List.of(1, 2);

    private SampleFaces() {
    }

    public static List<Face> calibrationFaces() {
        return ALL.stream().filter(f -> CALIBRATION_PHOTOS.contains(f.photo())).toList();
    }

    public static List<Face> heldOutFaces() {
        return ALL.stream().filter(f -> HELD_OUT_PHOTOS.contains(f.photo())).toList();
    }

    public static List<Face> inPhoto(int photo) {
        return ALL.stream().filter(f -> f.photo() == photo).toList();
    }
}
