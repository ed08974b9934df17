package org.moodbox.lab.data;

/**
 * The DCNN's input scale, the same the appliance's classifiers use: grey g in [0,1] mapped to (g - 0.5) * 2.
 * The appliance's {@code DcnnEmotionClassifier} applies exactly this to its 48x48 aligned crop.
 */
public final class Preprocessing {
    private Preprocessing() {
    }

    public static float scale(float grey01) {
        return (grey01 - 0.5f) * 2f;
    }

    /** Writes {@code side*side} bytes starting at {@code imageOffset} as network input at {@code offset}. */
    public static void plain(byte[] image, int imageOffset, int count, float[] out, int offset) {
        for (int i = 0; i < count; i++) {
            out[offset + i] = scale((image[imageOffset + i] & 0xff) / 255f);
        }
    }
}
