package org.moodbox.models.quantize;

import static org.moodbox.models.quantize.GraphLinks.consumers;
import static org.moodbox.models.quantize.FloatGraph.fusedActivation;
import static org.moodbox.models.quantize.GraphLinks.producer;

import java.util.ArrayList;
import java.util.List;
import org.moodbox.models.quantize.FloatGraph.Op;
import org.moodbox.models.quantize.FloatGraph.Tensor;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.TensorType;

/**
 * Replaces TensorFlow's decomposed PReLU, {@code relu(x) + alpha * -relu(-x)} (six operators, as in the facenet
 * MTCNN ports), by one PRELU operator: one float kernel XNNPACK runs between the int8 convolutions instead of six
 * operators with their quantization steps, and fewer passes over the activations. MobileFaceNet's four-operator
 * form (relu, abs, sub, mul) is fused too.
 */
final class PreluFusion {
    private final FloatGraph graph;
    /** A copy of the graph's tensors: the fused alphas are new constants, and the graph stays as it was. */
    private final List<Tensor> tensors;

    private PreluFusion(FloatGraph graph) {
        this.graph = graph;
        this.tensors = new ArrayList<>(graph.tensors);
    }

    static FloatGraph fuse(FloatGraph graph) {
        return new PreluFusion(graph).fuse();
    }

    private FloatGraph fuse() {
        List<Op> result = new ArrayList<>(graph.ops);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 0; i < result.size() && !changed; i++) {
                Op add = result.get(i);
                if (add.code() != BuiltinOperator.ADD || fusedActivation(add) != 0) {
                    continue;
                }
                for (int side = 0; side < 2 && !changed; side++) {
                    changed = tryFusePrelu(result, add, add.inputs()[side], add.inputs()[1 - side])
                            || tryFuseAbsPrelu(result, add, add.inputs()[side], add.inputs()[1 - side]);
                }
            }
        }
        return graph.with(tensors, result);
    }

    private boolean tryFusePrelu(List<Op> ops, Op add, int reluOut, int mulOut) {
        Op relu = producer(ops, reluOut, BuiltinOperator.RELU);
        Op mul = producer(ops, mulOut, BuiltinOperator.MUL);
        if (relu == null || mul == null || fusedActivation(mul) != 0) {
            return false;
        }
        int alpha = -1;
        int negOut = -1;
        for (int k = 0; k < 2; k++) {
            if (tensors.get(mul.inputs()[k]).constant()) {
                alpha = mul.inputs()[k];
                negOut = mul.inputs()[1 - k];
            }
        }
        if (alpha < 0 || tensors.get(alpha).type() != TensorType.FLOAT32) {
            return false;
        }
        Op negOuter = producer(ops, negOut, BuiltinOperator.NEG);
        Op reluInner = negOuter == null ? null : producer(ops, negOuter.inputs()[0], BuiltinOperator.RELU);
        Op negInner = reluInner == null ? null : producer(ops, reluInner.inputs()[0], BuiltinOperator.NEG);
        int x = relu.inputs()[0];
        if (negInner == null || negInner.inputs()[0] != x) {
            return false;
        }
        List<Op> removed = List.of(relu, negInner, reluInner, negOuter, mul);
        for (Op op : removed) {
            if (consumers(ops, op.outputs()[0]) != 1 || graph.isGraphOutput(op.outputs()[0])) {
                return false; // an intermediate is used elsewhere: not a pure PReLU
            }
        }
        int at = ops.indexOf(add);
        ops.set(at, new Op(BuiltinOperator.PRELU, 1, new int[] {x, alpha}, add.outputs(), null));
        ops.removeAll(removed);
        return true;
    }

    /**
     * The other decomposed PReLU TensorFlow writes (MobileFaceNet):
     * {@code relu(x) + alpha * (x - abs(x))}, where {@code x - abs(x) = 2 min(x, 0)}; fused into
     * {@code PRELU(x, 2 alpha)}.
     */
    private boolean tryFuseAbsPrelu(List<Op> ops, Op add, int reluOut, int mulOut) {
        Op relu = producer(ops, reluOut, BuiltinOperator.RELU);
        Op mul = producer(ops, mulOut, BuiltinOperator.MUL);
        if (relu == null || mul == null || fusedActivation(mul) != 0) {
            return false;
        }
        int alpha = -1;
        int subOut = -1;
        for (int k = 0; k < 2; k++) {
            if (tensors.get(mul.inputs()[k]).constant()) {
                alpha = mul.inputs()[k];
                subOut = mul.inputs()[1 - k];
            }
        }
        if (alpha < 0 || tensors.get(alpha).type() != TensorType.FLOAT32) {
            return false;
        }
        Op sub = producer(ops, subOut, BuiltinOperator.SUB);
        int x = relu.inputs()[0];
        if (sub == null || fusedActivation(sub) != 0 || sub.inputs()[0] != x) {
            return false;
        }
        Op abs = producer(ops, sub.inputs()[1], BuiltinOperator.ABS);
        if (abs == null || abs.inputs()[0] != x) {
            return false;
        }
        List<Op> removed = List.of(relu, abs, sub, mul);
        for (Op op : removed) {
            if (consumers(ops, op.outputs()[0]) != 1 || graph.isGraphOutput(op.outputs()[0])) {
                return false;
            }
        }
        float[] doubled = graph.floats(alpha);
        for (int i = 0; i < doubled.length; i++) {
            doubled[i] *= 2;
        }
        Tensor a = tensors.get(alpha);
        tensors.add(new Tensor(a.name() + "/prelu", a.shape(), TensorType.FLOAT32, FloatGraph.littleEndian(doubled)));
        int at = ops.indexOf(add);
        ops.set(at, new Op(BuiltinOperator.PRELU, 1, new int[] {x, tensors.size() - 1}, add.outputs(), null));
        ops.removeAll(removed);
        return true;
    }
}
