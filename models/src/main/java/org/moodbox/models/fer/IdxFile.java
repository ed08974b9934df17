package org.moodbox.models.fer;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads gzip-compressed IDX files (the MNIST layout): a big-endian magic {@code 0x000008NN} whose last
 * byte is the number of dimensions, one int32 per dimension, then unsigned bytes in row-major order.
 * Only unsigned-byte data (type 0x08) exists in the FER-2013 files, so only that is accepted.
 */
public final class IdxFile {
    private static final int UNSIGNED_BYTE = 0x08;
    /** Far more than any face set; a corrupt header must not make us allocate gigabytes. */
    private static final long MAX_BYTES = Integer.MAX_VALUE - 8;

    private IdxFile() {
    }

    /** The dimensions and the data of one IDX file. */
    public record Contents(int[] dims, byte[] data) {
        public int count() {
            return dims[0];
        }

        /** Bytes per record: the product of every dimension after the first. */
        public int recordSize() {
            int n = 1;
            for (int i = 1; i < dims.length; i++) {
                n *= dims[i];
            }
            return n;
        }
    }

    /** Reads a gzip IDX file with {@code expectedRank} dimensions; a clear {@link IOException} otherwise. */
    public static Contents read(Path file, int expectedRank) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw), 1 << 16))) {
            int magic = in.readInt();
            int type = (magic >>> 8) & 0xff;
            int rank = magic & 0xff;
            if ((magic >>> 16) != 0 || type != UNSIGNED_BYTE) {
                throw new IOException(file + ": not an unsigned-byte IDX file (magic 0x" + Integer.toHexString(magic) + ")");
            }
            if (rank != expectedRank) {
                throw new IOException(file + ": expected " + expectedRank + " dimensions, the header says " + rank);
            }
            int[] dims = new int[rank];
            long total = 1;
            for (int i = 0; i < rank; i++) {
                dims[i] = in.readInt();
                if (dims[i] < 0) {
                    throw new IOException(file + ": negative dimension " + dims[i]);
                }
                total *= dims[i];
                if (total > MAX_BYTES) {
                    throw new IOException(file + ": header claims more than " + MAX_BYTES + " bytes");
                }
            }
            byte[] data = new byte[(int) total];
            try {
                in.readFully(data);
            } catch (EOFException e) {
                throw new IOException(file + ": truncated, the header promises " + total + " data bytes", e);
            }
            if (in.read() != -1) {
                throw new IOException(file + ": trailing bytes after the " + total + " the header promises");
            }
            return new Contents(dims, data);
        } catch (java.util.zip.ZipException e) {
            throw new IOException(file + ": not a gzip file (" + e.getMessage() + ")", e);
        } catch (EOFException e) {
            throw new IOException(file + ": truncated header", e);
        }
    }
}
