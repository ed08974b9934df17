package org.moodbox.models.fer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A labelled set of square grey images held in memory: FER-2013 (48x48, seven labels, optionally FER+
 * votes) or any other set in the same gzip IDX form. Pixels are row-major bytes, one image after another.
 */
public record FerSet(String name, int count, int rows, int cols, byte[] pixels, byte[] labels, byte[] ferPlusVotes) {
    public static final int FER_SIDE = 48;
    public static final int CLASSES = 7;

    public FerSet {
        if (pixels.length != (long) count * rows * cols || labels.length != count) {
            throw new IllegalArgumentException(name + ": " + count + " images need " + count * rows * cols
                    + " pixel bytes and " + count + " labels");
        }
        if (ferPlusVotes != null && ferPlusVotes.length != count * FerPlusVotes.COLUMNS) {
            throw new IllegalArgumentException(name + ": FER+ votes need " + FerPlusVotes.COLUMNS + " columns a row");
        }
    }

    /** One split of the shared FER-2013 folder, with FER+ votes when their file is there. */
    public static FerSet load(Path dir, FerSplit split) throws IOException {
        String key = split.fileKey();
        Path images = dir.resolve("fer2013_" + key + "_images.idx3-ubyte.gz");
        Path labels = dir.resolve("fer2013_" + key + "_labels.idx1-ubyte.gz");
        Path votes = dir.resolve("ferplus_" + key + "_votes.idx2-ubyte.gz");
        if (!Files.isRegularFile(images) || !Files.isRegularFile(labels)) {
            throw new IOException(dir + " holds no FER-2013 " + key + " split (expected " + images.getFileName()
                    + " and " + labels.getFileName() + ")");
        }
        FerSet set = fromFiles(split.fileKey(), images, labels);
        if (!Files.isRegularFile(votes)) {
            return set;
        }
        IdxFile.Contents v = IdxFile.read(votes, 2);
        if (v.count() != set.count() || v.recordSize() != FerPlusVotes.COLUMNS) {
            throw new IOException(votes + ": " + v.count() + " rows of " + v.recordSize() + " votes do not fit "
                    + set.count() + " images");
        }
        return new FerSet(set.name(), set.count(), set.rows(), set.cols(), set.pixels(), set.labels(), v.data());
    }

    /** Whether the split's images and labels are there (tests skip, commands say so, when they are not). */
    public static boolean present(Path dir, FerSplit split) {
        return Files.isReadable(dir.resolve("fer2013_" + split.fileKey() + "_images.idx3-ubyte.gz"))
                && Files.isReadable(dir.resolve("fer2013_" + split.fileKey() + "_labels.idx1-ubyte.gz"));
    }

    /** Any labelled image set in gzip IDX form: images [n, rows, cols] and labels [n] in 0..6. */
    public static FerSet fromFiles(String name, Path imageFile, Path labelFile) throws IOException {
        IdxFile.Contents images = IdxFile.read(imageFile, 3);
        IdxFile.Contents labels = IdxFile.read(labelFile, 1);
        if (images.count() != labels.count()) {
            throw new IOException(imageFile.getFileName() + " holds " + images.count() + " images but "
                    + labelFile.getFileName() + " holds " + labels.count() + " labels");
        }
        for (int i = 0; i < labels.count(); i++) {
            int label = labels.data()[i] & 0xff;
            if (label >= CLASSES) {
                throw new IOException(labelFile + ": label " + label + " at row " + i + " is not one of the seven"
                        + " FER-2013 classes (0 angry .. 6 neutral)");
            }
        }
        return new FerSet(name, images.count(), images.dims()[1], images.dims()[2], images.data(), labels.data(), null);
    }

    public int imageSize() {
        return rows * cols;
    }

    public int label(int i) {
        return labels[i] & 0xff;
    }

    /** A copy of image {@code i}'s pixels. */
    public byte[] image(int i) {
        byte[] out = new byte[imageSize()];
        System.arraycopy(pixels, i * imageSize(), out, 0, out.length);
        return out;
    }

    public boolean hasFerPlus() {
        return ferPlusVotes != null;
    }

    /** FER+ majority label of row {@code i} in FER order, or -1 for contempt, unknown or not-a-face rows. */
    public int ferPlusMajority(int i) {
        requireFerPlus();
        return FerPlusVotes.majorityFerLabel(ferPlusVotes, i * FerPlusVotes.COLUMNS);
    }

    /** FER+ vote distribution over the seven FER classes, or null when nobody voted for any of them. */
    public float[] ferPlusDistribution(int i) {
        requireFerPlus();
        return FerPlusVotes.ferDistribution(ferPlusVotes, i * FerPlusVotes.COLUMNS);
    }

    /** Row {@code i}'s label under the standard FER+ test rule: see {@link FerPlusTestSets#standard}. */
    public int ferPlusStandard(int i) {
        requireFerPlus();
        return FerPlusTestSets.standard(ferPlusVotes, i * FerPlusVotes.COLUMNS);
    }

    /** Row {@code i}'s label in the clear-expressions view: see {@link FerPlusTestSets#clear}. */
    public int ferPlusClear(int i) {
        requireFerPlus();
        return FerPlusTestSets.clear(ferPlusVotes, i * FerPlusVotes.COLUMNS);
    }

    /** Row {@code i}'s label in the subtle-expressions view: see {@link FerPlusTestSets#subtle}. */
    public int ferPlusSubtle(int i) {
        requireFerPlus();
        return FerPlusTestSets.subtle(ferPlusVotes, i * FerPlusVotes.COLUMNS);
    }

    private void requireFerPlus() {
        if (ferPlusVotes == null) {
            throw new IllegalStateException(name + " has no FER+ votes");
        }
    }
}
