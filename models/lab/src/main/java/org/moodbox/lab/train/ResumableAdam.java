package org.moodbox.lab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.util.Pair;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;

/**
 * Adam with decoupled weight decay (AdamW, Loshchilov and Hutter 2019) whose moments can be saved and loaded.
 * DJL's own Adam keeps its moments private, so a resumed run would start them from zero and take different
 * steps than an unbroken one; this one writes them beside the weights, keyed by the parameter's name in the
 * block (DJL's parameter ids are random per process).
 *
 * <p>Per parameter, at step t (1-based): w -= lr * wd * w; m = b1 m + (1 - b1) g; v = b2 v + (1 - b2) g^2;
 * w -= lr * (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps). The learning rate and t come from the run's
 * {@link CosineSchedule}, whose step is in the run state.
 */
public final class ResumableAdam extends Optimizer {
    private static final String MAGIC = "moodbox-adam-1";
    /** The fused update clips only at or above zero. */
    private static final float NO_CLIPPING = -1f;
    private final CosineSchedule schedule;
    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private final float weightDecay;
    private final Map<String, NDArray[]> moments = new HashMap<>();

    public ResumableAdam(CosineSchedule schedule, float beta1, float beta2, float epsilon, float weightDecay) {
        super(new Settings());
        this.schedule = schedule;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.weightDecay = weightDecay;
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        long t = schedule.step() + 1;
        float lr = (float) schedule.current();
        NDArray[] mv = moments.computeIfAbsent(parameterId, id -> new NDArray[] {weight.zerosLike(), weight.zerosLike()});
        NDArray m = mv[0];
        NDArray v = mv[1];
        double c1 = 1 - Math.pow(beta1, t);
        double c2 = 1 - Math.pow(beta2, t);
        // DJL's fused update (one native call, no autograd, no temporaries) computes
        // w -= lr * sqrt(c2) / c1 * m / (sqrt(v) + eps'), the formula above when eps' = eps * sqrt(c2), and then
        // clears the gradient PyTorch would otherwise add the next backward pass to.
        weight.getNDArrayInternal().adamUpdate(new NDList(weight, grad, m, v), new NDList(weight),
                lr, (float) (lr * Math.sqrt(c2) / c1), weightDecay, 1f, NO_CLIPPING, beta1, beta2,
                (float) (epsilon * Math.sqrt(c2)), false, true);
    }

    /** Writes the moments of every trainable parameter of {@code block}, in the block's order, atomically. */
    public void save(Block block, Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
            out.writeUTF(MAGIC);
            for (Pair<String, Parameter> p : block.getParameters()) {
                if (!p.getValue().requiresGradient()) {
                    continue;
                }
                NDArray[] mv = moments.get(p.getValue().getId());
                long size = p.getValue().getArray().size();
                out.writeUTF(p.getKey());
                out.writeInt((int) size);
                writeFloats(out, mv == null ? new float[(int) size] : mv[0].toFloatArray());
                writeFloats(out, mv == null ? new float[(int) size] : mv[1].toFloatArray());
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Reads moments written by {@link #save} for a block of the same layout. */
    public void load(Block block, NDManager manager, Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (!MAGIC.equals(in.readUTF())) {
                throw new IOException(file + " is not a saved optimizer state");
            }
            for (Pair<String, Parameter> p : block.getParameters()) {
                if (!p.getValue().requiresGradient()) {
                    continue;
                }
                NDArray weight = p.getValue().getArray();
                String name = in.readUTF();
                int size = in.readInt();
                if (!name.equals(p.getKey()) || size != weight.size()) {
                    throw new IOException(file + " holds " + name + " (" + size + " values) where the network has "
                            + p.getKey() + " (" + weight.size() + "): another layout");
                }
                Shape shape = weight.getShape();
                NDArray m = manager.create(readFloats(in, size), shape);
                NDArray v = manager.create(readFloats(in, size), shape);
                moments.put(p.getValue().getId(), new NDArray[] {m, v});
            }
        } catch (EOFException e) {
            throw new IOException(file + " ends early: a truncated optimizer state", e);
        }
    }

    private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
        for (float f : values) {
            out.writeFloat(f);
        }
    }

    private static float[] readFloats(DataInputStream in, int size) throws IOException {
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = in.readFloat();
        }
        return values;
    }

    /** DJL's base class wants a builder; gradients are used as they come (no rescaling, no clipping). */
    private static final class Settings extends OptimizerBuilder<Settings> {
        @Override
        protected Settings self() {
            return this;
        }
    }
}
