package org.moodbox.models.build;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.moodbox.models.SampleFaces;
import org.moodbox.models.quantize.CalibrationSample;

/**
 * Calibration inputs for the shipped int8 models, cut from the sample frames of
 * {@link SampleFaces#CALIBRATION_PHOTOS} (never the held-out ones the int8 checks use) and preprocessed exactly
 * as the appliance feeds each model. Deterministic (fixed seeds), so the int8 files are the same bytes on
 * every build. The detectors see mostly non-faces (R-Net gets about a hundred proposals a frame, a few
 * of them faces), so their sets mix jittered faces with random windows.
 */
final class CalibrationSets {
    /** The smallest MTCNN face the appliance is ever set to; the pyramid is calibrated from there down. */
    private static final int MIN_FACE = 40;
    private static final double PYRAMID_FACTOR = 0.709;
    private static final int PNET_CELL = 12;
    /** The mini-Xception's face side; the DCNN and fnet take FER-2013's own 48. */
    private static final int EMOTION_SIDE = 64;
    private static final int FER_SIDE = 48;

    private final List<BufferedImage> frames;

    CalibrationSets(List<BufferedImage> frames) {
        this.frames = frames;
    }

    List<CalibrationSample> named(String name) {
        return switch (name) {
            case "emotion-faces" -> emotionFaces(EMOTION_SIDE);
            case "emotion-faces-48" -> emotionFaces(FER_SIDE);
            case "mtcnn-pnet" -> pnetPyramid();
            case "mtcnn-rnet" -> mtcnnWindows(24);
            case "mtcnn-onet" -> mtcnnWindows(48);
            default -> throw new ModelBuildException("unknown calibration set '" + name
                    + "'; known: emotion-faces, emotion-faces-48, mtcnn-pnet, mtcnn-rnet, mtcnn-onet");
        };
    }

    /** Each face as a square grey crop in three framings (as found, tighter, looser), [1,side,side,1] in [-1,1]. */
    private List<CalibrationSample> emotionFaces(int faceSide) {
        List<CalibrationSample> samples = new ArrayList<>();
        for (SampleFaces.Face f : SampleFaces.calibrationFaces()) {
            for (double zoom : new double[] {1.0, 0.85, 1.2}) {
                int side = (int) Math.round(Math.max(f.width(), f.height()) * zoom);
                int cx = f.x() + f.width() / 2;
                int cy = f.y() + f.height() / 2;
                BufferedImage crop = SampleFrames.crop(frames.get(f.photo() - 1), cx - side / 2, cy - side / 2, side,
                        side, faceSide, faceSide);
                samples.add(CalibrationSample.of(new int[] {1, faceSide, faceSide, 1}, grey(crop)));
            }
        }
        return samples;
    }

    /** Every calibration frame at every pyramid level from {@link #MIN_FACE} down, [1, width, height, 3] transposed. */
    private List<CalibrationSample> pnetPyramid() {
        List<CalibrationSample> samples = new ArrayList<>();
        for (int photo : SampleFaces.CALIBRATION_PHOTOS) {
            BufferedImage frame = frames.get(photo - 1);
            double scale = (double) PNET_CELL / MIN_FACE;
            while (Math.min(frame.getWidth(), frame.getHeight()) * scale >= PNET_CELL) {
                int ws = (int) Math.ceil(frame.getWidth() * scale);
                int hs = (int) Math.ceil(frame.getHeight() * scale);
                BufferedImage level = SampleFrames.shrink(frame, ws, hs);
                samples.add(CalibrationSample.of(new int[] {1, ws, hs, 3}, transposedRgb(level)));
                scale *= PYRAMID_FACTOR;
            }
        }
        return samples;
    }

    /** Faces in three framings and as many random windows, side x side, [1, side, side, 3] transposed. */
    private List<CalibrationSample> mtcnnWindows(int side) {
        List<CalibrationSample> samples = new ArrayList<>();
        Random random = new Random(side);
        for (SampleFaces.Face f : SampleFaces.calibrationFaces()) {
            BufferedImage frame = frames.get(f.photo() - 1);
            for (double zoom : new double[] {1.0, 0.8, 1.3}) {
                int s = (int) Math.round(Math.max(f.width(), f.height()) * zoom);
                int x = f.x() + f.width() / 2 - s / 2 + random.nextInt(9) - 4;
                int y = f.y() + f.height() / 2 - s / 2 + random.nextInt(9) - 4;
                samples.add(window(frame, x, y, s, side));
            }
            for (int k = 0; k < 3; k++) {
                int s = 16 + random.nextInt(200);
                samples.add(window(frame, random.nextInt(frame.getWidth() - 8) - 8, random.nextInt(frame.getHeight() - 8) - 8,
                        s, side));
            }
        }
        return samples;
    }

    private static CalibrationSample window(BufferedImage frame, int x, int y, int s, int side) {
        return CalibrationSample.of(new int[] {1, side, side, 3},
                transposedRgb(SampleFrames.crop(frame, x, y, s, s, side, side)));
    }

    /** The emotion CNN's input: g = 0.2989 R + 0.587 G + 0.114 B on [0,1], then (g - 0.5) * 2. */
    private static float[] grey(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = image.getRGB(x, y);
                float g = (0.2989f * ((rgb >> 16) & 0xff) + 0.587f * ((rgb >> 8) & 0xff) + 0.114f * (rgb & 0xff)) / 255f;
                out[y * w + x] = (g - 0.5f) * 2f;
            }
        }
        return out;
    }

    /** MTCNN's input: RGB, (v - 127.5) / 128, stored [x][y][c] (the port's transposed layout). */
    private static float[] transposedRgb(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        float[] out = new float[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = image.getRGB(x, y);
                int at = (x * h + y) * 3;
                out[at] = (((rgb >> 16) & 0xff) - 127.5f) / 128f;
                out[at + 1] = (((rgb >> 8) & 0xff) - 127.5f) / 128f;
                out[at + 2] = ((rgb & 0xff) - 127.5f) / 128f;
            }
        }
        return out;
    }
}
