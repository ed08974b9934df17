package org.moodbox.lab.train;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Parameter files of a run directory: {@code epoch-NNN.params} after each epoch (the last two kept) and
 * {@code best.params} for the best validation accuracy. Written to a temporary name and moved into place,
 * so a file that exists is complete. Batch-norm running statistics are parameters in DJL and go along.
 */
public final class Checkpoints {
    public static final String BEST = "best.params";
    /** Weights part-way through an epoch (see {@link PartialEpoch}). */
    public static final String PARTIAL = "partial.params";
    private static final int KEEP = 2;

    private Checkpoints() {
    }

    public static Path epochFile(Path runDir, int epoch) {
        return runDir.resolve(String.format("epoch-%03d.params", epoch));
    }

    public static void save(Block block, Path target) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
            block.saveParameters(out);
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Loads parameters saved by {@link #save} into a block of the same layout. */
    public static void load(Block block, NDManager manager, Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            block.loadParameters(manager, in);
        } catch (MalformedModelException e) {
            throw new IOException(file + " does not fit this network layout: " + e.getMessage(), e);
        }
    }

    static void pruneOlderThan(Path runDir, int epoch) throws IOException {
        for (int e = epoch - KEEP; e >= 1; e--) {
            if (!Files.deleteIfExists(epochFile(runDir, e))) {
                break;
            }
        }
    }
}
