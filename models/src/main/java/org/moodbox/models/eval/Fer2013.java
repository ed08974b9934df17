package org.moodbox.models.eval;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * One split of FER-2013 from the research data folder (gzip IDX files, see its README): 48x48 grey faces
 * and their labels (0 angry .. 6 neutral, the order every FER-2013 model outputs). Research use only: the
 * images are read here for evaluation and never copied anywhere.
 */
public record Fer2013(byte[][] images, byte[] labels) {
    public static final int SIDE = 48;
    private static final int IMAGES_MAGIC = 0x00000803;
    private static final int LABELS_MAGIC = 0x00000801;

    /** {@code split}: "privatetest", "publictest" or "train". */
    public static Fer2013 read(Path folder, String split) throws IOException {
        byte[][] images;
        try (DataInputStream in = open(folder.resolve("fer2013_" + split + "_images.idx3-ubyte.gz"))) {
            int count = header(in, IMAGES_MAGIC);
            if (in.readInt() != SIDE || in.readInt() != SIDE) {
                throw new IOException("FER-2013 images must be 48x48");
            }
            images = new byte[count][SIDE * SIDE];
            for (byte[] image : images) {
                in.readFully(image);
            }
        }
        byte[] labels;
        try (DataInputStream in = open(folder.resolve("fer2013_" + split + "_labels.idx1-ubyte.gz"))) {
            labels = new byte[header(in, LABELS_MAGIC)];
            in.readFully(labels);
        }
        if (labels.length != images.length) {
            throw new IOException(images.length + " images but " + labels.length + " labels in split " + split);
        }
        return new Fer2013(images, labels);
    }

    /** Whether the split's files are there (tests skip, commands say so, when they are not). */
    public static boolean present(Path folder, String split) {
        return Files.isReadable(folder.resolve("fer2013_" + split + "_images.idx3-ubyte.gz"))
                && Files.isReadable(folder.resolve("fer2013_" + split + "_labels.idx1-ubyte.gz"));
    }

    public int size() {
        return labels.length;
    }

    /**
     * Image {@code i} as the emotion CNN takes it: bilinear to side x side (pixel centres aligned, as
     * OpenCV's INTER_LINEAR), grey on [0,1] shifted to [-1,1].
     */
    public float[] cnnInput(int i, int side) {
        byte[] src = images[i];
        float[] out = new float[side * side];
        double s = (double) SIDE / side;
        for (int y = 0; y < side; y++) {
            double fy = Math.max(0, Math.min(SIDE - 1, (y + 0.5) * s - 0.5));
            int y0 = (int) fy;
            int y1 = Math.min(SIDE - 1, y0 + 1);
            double wy = fy - y0;
            for (int x = 0; x < side; x++) {
                double fx = Math.max(0, Math.min(SIDE - 1, (x + 0.5) * s - 0.5));
                int x0 = (int) fx;
                int x1 = Math.min(SIDE - 1, x0 + 1);
                double wx = fx - x0;
                double top = (src[y0 * SIDE + x0] & 0xff) * (1 - wx) + (src[y0 * SIDE + x1] & 0xff) * wx;
                double bottom = (src[y1 * SIDE + x0] & 0xff) * (1 - wx) + (src[y1 * SIDE + x1] & 0xff) * wx;
                double g = (top * (1 - wy) + bottom * wy) / 255.0;
                out[y * side + x] = (float) ((g - 0.5) * 2);
            }
        }
        return out;
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        return new DataInputStream(new BufferedInputStream(new GZIPInputStream(in)));
    }

    private static int header(DataInputStream in, int magic) throws IOException {
        int actual = in.readInt();
        if (actual != magic) {
            throw new IOException(String.format("not an IDX file of the expected kind (magic %08x, expected %08x)",
                    actual, magic));
        }
        return in.readInt();
    }
}
