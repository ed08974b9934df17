package org.moodbox.lab.facenet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.moodbox.lab.data.Augmenter;
import org.moodbox.lab.data.Preprocessing;
import org.moodbox.models.facenet.FaceNetEmotionGraph;
import org.moodbox.models.fer.FerSet;
import org.moodbox.models.quantize.CalibrationSample;
import org.moodbox.models.quantize.TfliteRunner;

/**
 * Activations of MobileFaceNet's frozen early blocks ({@link FaceNetEmotionGraph#CACHED}, 7x7x128 a face),
 * computed once by the TFLite interpreter with XNNPACK on one thread and stored as bfloat16 (the upper half of
 * each float32, rounded), one file per part: the test splits plain and flipped, the training rows plain and
 * in augmented copies. Training then runs only the tail, about a tenth of the network's work.
 *
 * <p>Each file grows face by face in row order; a stopped build resumes at the last whole face of each file
 * (the same command again). Augmentation draws from a generator seeded by (seed, copy, row), so a resumed
 * build writes the same values as an unbroken one.
 */
public final class FeatureCache {
    public static final int VALUES = 7 * 7 * 128;
    static final int FACE_BYTES = VALUES * 2;
    private static final int BATCH = 16;

    /** One cached part: which split, which rows, and how each face is varied. */
    public record Part(String name, FerSet set, int[] rows, Variation variation) {
        Path file(Path run) {
            return run.resolve(name + ".bf16");
        }
    }

    public enum Variation { PLAIN, FLIPPED, AUGMENTED }

    private final Path run;
    private final byte[] trunk;
    private final long seed;
    private final Augmenter augmenter;
    private final PrintStream log;

    public FeatureCache(Path run, byte[] mobileFaceNet, long seed, PrintStream log) {
        this.run = run;
        this.trunk = new FaceNetEmotionGraph(mobileFaceNet).trunk(BATCH);
        this.seed = seed;
        // Random views of a 48x48 face: +-10 degrees, +-4 px shift, +-15% scale (the detector's box is framed a
        // little tighter or looser than FER-2013's crops; the aligner scales the box to fill the crop), flip,
        // brightness +-0.2, contrast +-25%.
        this.augmenter = new Augmenter(FerSet.FER_SIDE, 10, 4, 0.15, 0.2, 0.25);
        this.log = log;
    }

    public void build(List<Part> parts) throws IOException {
        Files.createDirectories(run);
        long total = parts.stream().mapToLong(p -> p.rows().length).sum();
        long done = parts.stream().mapToLong(p -> facesIn(p.file(run))).sum();
        long startDone = done;
        long t0 = System.nanoTime();
        try (TfliteRunner runner = new TfliteRunner(trunk)) {
            for (Part part : parts) {
                int have = (int) Math.min(facesIn(part.file(run)), part.rows().length);
                if (have == part.rows().length) {
                    continue;
                }
                truncateToWholeFaces(part.file(run), have);
                log.printf("caching %s: faces %d..%d%n", part.name(), have, part.rows().length);
                try (OutputStream out = Files.newOutputStream(part.file(run), StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND)) {
                    float[] input = new float[BATCH * FerSet.FER_SIDE * FerSet.FER_SIDE];
                    for (int start = have; start < part.rows().length; start += BATCH) {
                        int n = Math.min(BATCH, part.rows().length - start);
                        for (int i = 0; i < n; i++) {
                            face(part, start + i, input, i * FerSet.FER_SIDE * FerSet.FER_SIDE);
                        }
                        runner.run(CalibrationSample.of(new int[] {BATCH, FerSet.FER_SIDE, FerSet.FER_SIDE, 1}, input));
                        float[] act = runner.output(0);
                        out.write(bfloat16(act, n * VALUES));
                        done += n;
                        if ((done / BATCH) % 125 == 0) {
                            double rate = (done - startDone) / ((System.nanoTime() - t0) / 1e9);
                            log.printf("cached %d/%d faces  %.0f faces/s  ETA %.1f min%n", done, total, rate,
                                    (total - done) / rate / 60);
                        }
                    }
                }
            }
        }
        log.printf("cache complete: %d faces in %s%n", total, run);
    }

    private void face(Part part, int k, float[] out, int offset) {
        int pixels = FerSet.FER_SIDE * FerSet.FER_SIDE;
        int r = part.rows()[k];
        switch (part.variation()) {
            case PLAIN -> Preprocessing.plain(part.set().pixels(), r * pixels, pixels, out, offset);
            case FLIPPED -> {
                float[] plain = new float[pixels];
                Preprocessing.plain(part.set().pixels(), r * pixels, pixels, plain, 0);
                int s = FerSet.FER_SIDE;
                for (int y = 0; y < s; y++) {
                    for (int x = 0; x < s; x++) {
                        out[offset + y * s + x] = plain[y * s + (s - 1 - x)];
                    }
                }
            }
            case AUGMENTED -> augmenter.augment(part.set().pixels(), r * pixels, out, offset,
                    new Random(seed * 1_000_003L + part.name().hashCode() * 7_919L + r));
        }
    }

    static long facesIn(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) / FACE_BYTES : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static void truncateToWholeFaces(Path file, long faces) throws IOException {
        if (Files.exists(file) && Files.size(file) != faces * FACE_BYTES) {
            try (var ch = java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.truncate(faces * FACE_BYTES);
            }
        }
    }

    static byte[] bfloat16(float[] values, int count) {
        ByteBuffer b = ByteBuffer.allocate(count * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < count; i++) {
            int bits = Float.floatToRawIntBits(values[i]);
            bits += 0x7fff + ((bits >>> 16) & 1); // round to nearest even
            b.putShort((short) (bits >>> 16));
        }
        return b.array();
    }

    /** A cached part read back: {@code faces} faces of {@link #VALUES} bfloat16 values each. */
    public record Loaded(short[] values, int faces) {
        public void floats(int face, float[] out, int offset) {
            int base = face * VALUES;
            for (int i = 0; i < VALUES; i++) {
                out[offset + i] = Float.intBitsToFloat(values[base + i] << 16);
            }
        }
    }

    public static Loaded load(Path run, String name, int expectedFaces) throws IOException {
        Path file = run.resolve(name + ".bf16");
        long faces = facesIn(file);
        if (faces != expectedFaces) {
            throw new IllegalStateException(file + " holds " + faces + " faces, " + expectedFaces
                    + " expected: run 'lab cache' to finish it");
        }
        short[] v = new short[(int) (faces * VALUES)];
        ShortBuffer sb = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer();
        sb.get(v);
        return new Loaded(v, (int) faces);
    }

    public static boolean cached(Path run, String name, int faces) {
        return facesIn(run.resolve(name + ".bf16")) == faces;
    }

    /** A test split's cached part: all of it, or the first faces of a run made with a limit. */
    public static Loaded loadSplit(Path run, String name, FerSet set) throws IOException {
        long faces = facesIn(run.resolve(name + ".bf16"));
        return load(run, name, (int) Math.min(set.count(), Math.max(1, faces)));
    }

    /** The parts of a run with {@code augmentedCopies} augmented copies of the training rows. */
    public static List<Part> parts(FerSet train, int[] trainRows, FerSet publicTest, FerSet privateTest,
                                   int augmentedCopies, int testLimit) {
        List<Part> parts = new ArrayList<>();
        parts.add(new Part("publictest", publicTest, all(publicTest, testLimit), Variation.PLAIN));
        parts.add(new Part("privatetest", privateTest, all(privateTest, testLimit), Variation.PLAIN));
        parts.add(new Part("train-0", train, trainRows, Variation.PLAIN));
        // the first augmented copy before the flipped test faces: training can start using it sooner
        for (int c = 1; c <= augmentedCopies; c++) {
            parts.add(new Part("train-" + c, train, trainRows, Variation.AUGMENTED));
            if (c == 1) {
                parts.add(new Part("privatetest-flip", privateTest, all(privateTest, testLimit), Variation.FLIPPED));
            }
        }
        if (augmentedCopies == 0) {
            parts.add(new Part("privatetest-flip", privateTest, all(privateTest, testLimit), Variation.FLIPPED));
        }
        return parts;
    }

    static int[] all(FerSet set, int limit) {
        int[] r = new int[limit > 0 ? Math.min(limit, set.count()) : set.count()];
        for (int i = 0; i < r.length; i++) {
            r[i] = i;
        }
        return r;
    }
}
