package org.moodbox.lab.cli;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.zip.GZIPOutputStream;
import org.moodbox.models.fer.FerSet;
import org.moodbox.models.fer.FerSplit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Frames for the live-crop check (issue 15, item 7): each FER-2013 face of a split pasted into a larger grey
 * frame, upscaled, off-centre, a little rotated, on a varied background, so {@code moodbox eval emotion
 * --images} runs it through the appliance's detector, aligner and classifier as a camera frame would be. Only
 * faces with a FER+ majority among the seven classes are written, with that label, so the figure compares with
 * {@code eval emotion --data --labels ferplus} on the same faces. The frames are research data derived from
 * ../shared: write them outside the repository.
 */
@Command(name = "paste-faces", mixinStandardHelpOptions = true,
        description = "FER-2013 faces pasted into larger frames (gzip IDX images + FER+ majority labels) for eval emotion --images.")
public final class PasteFacesCommand implements Callable<Integer> {
    @Option(names = "--data", required = true) Path data;
    @Option(names = "--split", defaultValue = "PRIVATETEST") FerSplit split;
    @Option(names = "--out", required = true, description = "a folder outside the repository") Path out;
    @Option(names = "--side", defaultValue = "192", description = "frame side in pixels (default: ${DEFAULT-VALUE})") int side;
    @Option(names = "--seed", defaultValue = "15") long seed;

    @Override
    public Integer call() throws IOException {
        FerSet set = FerSet.load(data, split);
        Random random = new Random(seed);
        Files.createDirectories(out);
        int kept = 0;
        byte[] frames = new byte[set.count() * side * side];
        byte[] labels = new byte[set.count()];
        for (int i = 0; i < set.count(); i++) {
            int label = set.ferPlusMajority(i);
            if (label < 0) {
                continue;
            }
            BufferedImage frame = paste(set.image(i), random);
            byte[] grey = ((java.awt.image.DataBufferByte) frame.getRaster().getDataBuffer()).getData();
            System.arraycopy(grey, 0, frames, kept * side * side, side * side);
            labels[kept++] = (byte) label;
        }
        Path images = out.resolve("pasted_" + split.name().toLowerCase() + "_images.idx3-ubyte.gz");
        Path labelFile = out.resolve("pasted_" + split.name().toLowerCase() + "_ferplus_labels.idx1-ubyte.gz");
        write(images, 0x803, frames, kept * side * side, kept, side, side);
        write(labelFile, 0x801, labels, kept, kept);
        System.out.printf("%d of %d faces (those with a FER+ majority among the seven classes) pasted into %dx%d"
                + " frames:%n  %s%n  %s%n", kept, set.count(), side, side, images, labelFile);
        return 0;
    }

    /** One 48x48 face, 1.5-2.5x larger, rotated up to 10 degrees, anywhere it fits, on a random background. */
    private BufferedImage paste(byte[] face48, Random random) {
        BufferedImage frame = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = frame.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, grey(random), side, side * random.nextFloat(), grey(random)));
        g.fillRect(0, 0, side, side);
        for (int k = 0; k < 6; k++) { // shelves, posters, a window: shapes a room has behind a face
            g.setColor(grey(random));
            g.fillRect(random.nextInt(side), random.nextInt(side), 8 + random.nextInt(side / 2), 8 + random.nextInt(side / 2));
        }
        BufferedImage face = new BufferedImage(FerSet.FER_SIDE, FerSet.FER_SIDE, BufferedImage.TYPE_BYTE_GRAY);
        face.getRaster().setDataElements(0, 0, FerSet.FER_SIDE, FerSet.FER_SIDE, face48);
        double size = FerSet.FER_SIDE * (1.5 + random.nextDouble());
        double margin = size * 0.75; // room for the rotated corners
        double cx = margin + random.nextDouble() * Math.max(0, side - 2 * margin);
        double cy = margin + random.nextDouble() * Math.max(0, side - 2 * margin);
        AffineTransform at = new AffineTransform();
        at.translate(cx, cy);
        at.rotate(Math.toRadians((random.nextDouble() * 2 - 1) * 10));
        at.scale(size / FerSet.FER_SIDE, size / FerSet.FER_SIDE);
        at.translate(-FerSet.FER_SIDE / 2.0, -FerSet.FER_SIDE / 2.0);
        g.drawImage(face, at, null);
        g.dispose();
        return frame;
    }

    private static Color grey(Random random) {
        int v = 30 + random.nextInt(200);
        return new Color(v, v, v);
    }

    private static void write(Path file, int magic, byte[] data, int length, int... dims) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file);
             DataOutputStream idx = new DataOutputStream(new GZIPOutputStream(raw))) {
            idx.writeInt(magic);
            for (int d : dims) {
                idx.writeInt(d);
            }
            idx.write(data, 0, length);
        }
    }
}
