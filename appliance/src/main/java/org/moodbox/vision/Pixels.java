package org.moodbox.vision;

/** Pixel layout conversions shared by the detectors. */
final class Pixels {
    private static final float MEAN = 127.5f;
    private static final float SCALE = 1f / 128f;

    private Pixels() {
    }

    /**
     * BGR row-major bytes to RGB floats in [width][height][3] order, (v - 127.5) / 128: the layout of
     * the facenet-style MTCNN port, whose networks were trained on transposed (Caffe) images.
     */
    static void bgrToTransposedRgb(byte[] bgr, int width, int height, float[] out) {
        for (int y = 0; y < height; y++) {
            int src = y * width * 3;
            for (int x = 0; x < width; x++, src += 3) {
                int dst = (x * height + y) * 3;
                out[dst] = ((bgr[src + 2] & 0xff) - MEAN) * SCALE;
                out[dst + 1] = ((bgr[src + 1] & 0xff) - MEAN) * SCALE;
                out[dst + 2] = ((bgr[src] & 0xff) - MEAN) * SCALE;
            }
        }
    }
}
