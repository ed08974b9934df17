package org.moodbox.models.tfjs;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.moodbox.models.ModelFiles;

/**
 * Inputs for the emotion model ([64,64,1] grey in [-1,1]): deterministic noise, which reaches corners of the
 * input space faces never do, and real faces cut from the face-api sample photos with fixed boxes,
 * preprocessed as the appliance will: g = (0.2989 R + 0.587 G + 0.114 B) / 255, then (g - 0.5) * 2.
 */
final class EmotionInputs {
    static final int SIZE = 64;

    /** Face boxes (x, y, width, height) picked by eye on the full-size photos. */
    private record FaceBox(int sample, int x, int y, int width, int height) {
    }

    private static final List<FaceBox> FACES = List.of(
            new FaceBox(1, 410, 360, 240, 240),
            new FaceBox(1, 830, 430, 220, 220),
            new FaceBox(1, 1470, 220, 220, 220),
            new FaceBox(2, 350, 130, 240, 240),
            new FaceBox(2, 880, 220, 240, 240),
            new FaceBox(2, 1440, 160, 230, 230),
            new FaceBox(4, 670, 110, 180, 180),
            new FaceBox(4, 1270, 180, 180, 180));

    private EmotionInputs() {
    }

    static List<float[]> noise(int count, long seed) {
        Random random = new Random(seed);
        List<float[]> inputs = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            float[] input = new float[SIZE * SIZE];
            for (int i = 0; i < input.length; i++) {
                input[i] = random.nextFloat() * 2 - 1;
            }
            inputs.add(input);
        }
        return inputs;
    }

    static List<float[]> faces() {
        return faces(List.of(1, 2, 3, 4, 5, 6));
    }

    /** The faces of these sample photos only (1-based). */
    static List<float[]> faces(List<Integer> photos) {
        List<float[]> inputs = new ArrayList<>();
        for (FaceBox box : FACES.stream().filter(b -> photos.contains(b.sample())).toList()) {
            BufferedImage photo = read(ModelFiles.bytes(ModelFiles.samplePhoto(box.sample())));
            inputs.add(grey(resize(photo.getSubimage(box.x(), box.y(), box.width(), box.height()))));
        }
        return inputs;
    }

    private static BufferedImage read(byte[] jpeg) {
        try {
            return ImageIO.read(new ByteArrayInputStream(jpeg));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage resize(BufferedImage crop) {
        BufferedImage small = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = small.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(crop, 0, 0, SIZE, SIZE, null);
        g.dispose();
        return small;
    }

    private static float[] grey(BufferedImage image) {
        float[] values = new float[SIZE * SIZE];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int rgb = image.getRGB(x, y);
                float g = (0.2989f * ((rgb >> 16) & 0xff) + 0.587f * ((rgb >> 8) & 0xff) + 0.114f * (rgb & 0xff)) / 255f;
                values[y * SIZE + x] = (g - 0.5f) * 2;
            }
        }
        return values;
    }
}
