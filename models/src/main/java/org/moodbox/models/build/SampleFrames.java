package org.moodbox.models.build;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.moodbox.models.ModelFiles;
import org.moodbox.models.SampleFaces;

/**
 * The six sample photos as 640x480 letterboxed frames (as the demo video and the bench show them), in
 * plain Java imaging: the models build has no OpenCV. Only calibration statistics come from these
 * frames, so a resampling that differs from OpenCV's by a grey level is of no consequence.
 */
final class SampleFrames {
    private SampleFrames() {
    }

    /** Frames 1..6 in order, read from the folder the build installed the photos in. */
    static List<BufferedImage> read(Path shipDir) {
        List<BufferedImage> frames = new ArrayList<>();
        for (int i = 1; i <= ModelFiles.SAMPLE_COUNT; i++) {
            Path photo = shipDir.resolve(ModelFiles.samplePhoto(i));
            try {
                BufferedImage image = ImageIO.read(photo.toFile());
                if (image == null) {
                    throw new ModelBuildException("calibration photo " + photo + " is not a readable image");
                }
                frames.add(letterbox(image));
            } catch (IOException e) {
                throw new ModelBuildException("cannot read calibration photo " + photo + ": " + e.getMessage(), e);
            }
        }
        return frames;
    }

    static BufferedImage letterbox(BufferedImage photo) {
        double s = Math.min((double) SampleFaces.FRAME_WIDTH / photo.getWidth(),
                (double) SampleFaces.FRAME_HEIGHT / photo.getHeight());
        int w = (int) Math.round(photo.getWidth() * s);
        int h = (int) Math.round(photo.getHeight() * s);
        BufferedImage frame = new BufferedImage(SampleFaces.FRAME_WIDTH, SampleFaces.FRAME_HEIGHT,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = frame.createGraphics();
        g.drawImage(shrink(photo, w, h), (SampleFaces.FRAME_WIDTH - w) / 2, (SampleFaces.FRAME_HEIGHT - h) / 2, null);
        g.dispose();
        return frame;
    }

    /** Scales in halving steps, then bilinear: close to an area average, as OpenCV's INTER_AREA is. */
    static BufferedImage shrink(BufferedImage image, int w, int h) {
        BufferedImage current = image;
        while (current.getWidth() / 2 >= w && current.getHeight() / 2 >= h) {
            current = scale(current, current.getWidth() / 2, current.getHeight() / 2);
        }
        return scale(current, w, h);
    }

    /** Crop (x, y, side, side) of {@code frame}, black outside it, scaled to {@code out} x {@code out}. */
    static BufferedImage crop(BufferedImage frame, int x, int y, int width, int height, int outW, int outH) {
        BufferedImage c = new BufferedImage(Math.max(1, width), Math.max(1, height), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = c.createGraphics();
        g.drawImage(frame, -x, -y, null);
        g.dispose();
        return shrink(c, outW, outH);
    }

    private static BufferedImage scale(BufferedImage image, int w, int h) {
        BufferedImage out = new BufferedImage(Math.max(1, w), Math.max(1, h), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, out.getWidth(), out.getHeight(), null);
        g.dispose();
        return out;
    }
}
