package org.moodbox.lab.train;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.moodbox.models.fer.FerSet;

/**
 * A teacher's class probabilities for every row of the training set, cached once for a distillation run: the
 * teacher sees each face as it is (no augmentation), so its answers do not change between epochs and are not
 * recomputed. Probabilities only, never pixels; the file stays beside the run and out of the repository (it is
 * made from the research data, and {@code lab teacher} makes it again from the committed models).
 *
 * @param models        what the teacher averaged (file names and SHA-256), for the record
 * @param probabilities one row of class probabilities per training-set row, in the set's order
 */
public record TeacherFile(List<String> models, float[][] probabilities) {
    private static final String MAGIC = "moodbox-teacher-1";
    /** FER-2013's training set has 28,709 rows; a header claiming far more is a damaged file, not a bigger set. */
    private static final int MAX_ROWS = 1_000_000;

    public TeacherFile {
        models = List.copyOf(models);
        if (probabilities.length == 0) {
            throw new IllegalArgumentException("a teacher file needs at least one row");
        }
    }

    public int rows() {
        return probabilities.length;
    }

    /** Writes the file whole or not at all (a temporary file moved into place). */
    public void write(Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        int classes = probabilities[0].length;
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
            out.writeUTF(MAGIC);
            out.writeInt(models.size());
            for (String m : models) {
                out.writeUTF(m);
            }
            out.writeInt(probabilities.length);
            out.writeInt(classes);
            for (float[] row : probabilities) {
                if (row.length != classes) {
                    throw new IllegalArgumentException("every row needs " + classes + " probabilities");
                }
                for (float p : row) {
                    out.writeFloat(p);
                }
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static TeacherFile read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no teacher file at " + file + "; make it with the `lab teacher` command the run's"
                    + " COMMAND.txt names");
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            byte[] magic = MAGIC.getBytes(StandardCharsets.US_ASCII);
            if (in.readUnsignedShort() != magic.length || !Arrays.equals(in.readNBytes(magic.length), magic)) {
                throw new IOException(file + " is not a teacher file");
            }
            int count = in.readInt();
            List<String> models = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                models.add(in.readUTF());
            }
            int rows = in.readInt();
            int classes = in.readInt();
            if (classes != FerSet.CLASSES || rows < 1 || rows > MAX_ROWS) {
                throw new IOException(file + " claims " + rows + " rows of " + classes + " classes: not a teacher file"
                        + " for FER-2013");
            }
            float[][] probabilities = new float[rows][classes];
            for (float[] row : probabilities) {
                for (int c = 0; c < classes; c++) {
                    row[c] = in.readFloat();
                }
            }
            if (in.read() != -1) {
                throw new IOException(file + " has bytes after its last row: not one teacher file");
            }
            return new TeacherFile(models, probabilities);
        } catch (EOFException e) {
            throw new IOException(file + " ends early: a truncated teacher file", e);
        } catch (java.io.UTFDataFormatException | IllegalArgumentException | NegativeArraySizeException e) {
            throw new IOException(file + " is not a teacher file (" + e.getMessage() + ")", e);
        }
    }
}
