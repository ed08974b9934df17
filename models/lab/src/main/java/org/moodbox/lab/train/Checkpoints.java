package org.moodbox.lab.train;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Parameter files of a run directory. The latest checkpoint is named by the optimizer step it was taken at,
 * {@code step-00012345.params} (and {@code .adam}, the optimizer's moments, for Adam runs), which the state
 * file names through its step: a run killed between writing a checkpoint and its state resumes from the
 * previous pair, which is still there, and older pairs are deleted only after the state names the new one.
 * {@code best.params} holds the weights of the best validation epoch. Every file is written to a temporary
 * name and moved into place, so a file that exists is complete. Batch-norm running statistics are parameters
 * in DJL and go along.
 */
public final class Checkpoints {
    public static final String BEST = "best.params";
    private static final String LATEST_PREFIX = "step-";

    private Checkpoints() {
    }

    /** The weights of the checkpoint taken after {@code step} optimizer steps. */
    public static Path latest(Path runDir, long step) {
        return runDir.resolve(String.format("%s%08d.params", LATEST_PREFIX, step));
    }

    /** The Adam moments that go with {@link #latest}. */
    public static Path latestOptimizer(Path runDir, long step) {
        return runDir.resolve(String.format("%s%08d.adam", LATEST_PREFIX, step));
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

    /** Deletes every latest-checkpoint file but those of {@code step}; call after the state names it. */
    static void keepOnlyLatest(Path runDir, long step) throws IOException {
        String keep = latest(runDir, step).getFileName().toString().replace(".params", "");
        try (DirectoryStream<Path> files = Files.newDirectoryStream(runDir, LATEST_PREFIX + "*")) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (!name.startsWith(keep + ".") || name.endsWith(".tmp")) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }
}
