package org.moodbox.models.quantize;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.moodbox.models.tflite.TfliteModelBuilder;
import org.tensorflow.lite.schema.BufferT;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.BuiltinOptionsUnion;
import org.tensorflow.lite.schema.Model;
import org.tensorflow.lite.schema.ModelT;
import org.tensorflow.lite.schema.OperatorCodeT;
import org.tensorflow.lite.schema.OperatorT;
import org.tensorflow.lite.schema.SubGraphT;
import org.tensorflow.lite.schema.TensorT;
import org.tensorflow.lite.schema.TensorType;

/**
 * A float32 TFLite model read back with the schema's object API, as plain lists the quantizer can walk:
 * tensors (constants carry their bytes), operators in execution order, graph inputs and outputs. Only
 * single-subgraph models of float32 activations are accepted; anything else is refused with a reason.
 */
final class FloatGraph {
    /** One operator: builtin code, version, tensor indices (-1 = optional input left out), options. */
    record Op(int code, int version, int[] inputs, int[] outputs, BuiltinOptionsUnion options) {
    }

    /** One tensor; {@code data} is null for a tensor computed at run time. */
    record Tensor(String name, int[] shape, byte type, byte[] data) {
        boolean constant() {
            return data != null;
        }
    }

    final List<Tensor> tensors;
    final List<Op> ops;
    final int[] inputs;
    final int[] outputs;
    final String description;

    private FloatGraph(List<Tensor> tensors, List<Op> ops, int[] inputs, int[] outputs, String description) {
        this.tensors = tensors;
        this.ops = ops;
        this.inputs = inputs;
        this.outputs = outputs;
        this.description = description;
    }

    static FloatGraph read(byte[] tflite) {
        ByteBuffer bytes = ByteBuffer.wrap(tflite);
        if (tflite.length < 8 || !Model.ModelBufferHasIdentifier(bytes)) {
            throw new UnsupportedModelException("not a TFLite flatbuffer (no TFL3 identifier)");
        }
        ModelT model = Model.getRootAsModel(bytes).unpack();
        if (model.getSubgraphs().length != 1) {
            throw new UnsupportedModelException("the model has " + model.getSubgraphs().length
                    + " subgraphs; only single-subgraph models are supported");
        }
        SubGraphT graph = model.getSubgraphs()[0];
        BufferT[] buffers = model.getBuffers();
        List<Tensor> tensors = new ArrayList<>();
        for (TensorT t : graph.getTensors()) {
            BufferT buffer = buffers[(int) t.getBuffer()];
            int[] data = buffer == null ? null : buffer.getData();
            byte[] constant = null;
            if (data != null && data.length > 0) {
                constant = new byte[data.length];
                for (int i = 0; i < data.length; i++) {
                    constant[i] = (byte) data[i];
                }
            }
            if (t.getType() != TensorType.FLOAT32 && !(t.getType() == TensorType.INT32 && constant != null)) {
                throw new UnsupportedModelException("tensor '" + t.getName() + "' is " + TensorType.name(t.getType())
                        + "; only float32 tensors (and int32 constants such as axes) can be quantized");
            }
            tensors.add(new Tensor(t.getName(), t.getShape(), t.getType(), constant));
        }
        OperatorCodeT[] codes = model.getOperatorCodes();
        List<Op> ops = new ArrayList<>();
        for (OperatorT op : graph.getOperators()) {
            OperatorCodeT code = codes[(int) op.getOpcodeIndex()];
            int builtin = Math.max(code.getBuiltinCode(), code.getDeprecatedBuiltinCode());
            if (builtin == BuiltinOperator.CUSTOM) {
                throw new UnsupportedModelException("custom operator '" + code.getCustomCode() + "' is not supported");
            }
            ops.add(new Op(builtin, code.getVersion(), op.getInputs(), op.getOutputs(), op.getBuiltinOptions()));
        }
        String description = model.getDescription() == null ? "" : model.getDescription();
        return new FloatGraph(tensors, ops, graph.getInputs(), graph.getOutputs(), description);
    }

    /**
     * Replaces TensorFlow's decomposed PReLU, {@code relu(x) + alpha * -relu(-x)} (six operators, as in the
     * facenet MTCNN ports), by one PRELU operator: one float kernel XNNPACK runs between the int8 convolutions
     * instead of six operators with their quantization steps, and fewer passes over the activations.
     */
    FloatGraph fusePrelu() {
        List<Op> result = new ArrayList<>(ops);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 0; i < result.size() && !changed; i++) {
                Op add = result.get(i);
                if (add.code != BuiltinOperator.ADD || fusedActivation(add) != 0) {
                    continue;
                }
                for (int side = 0; side < 2 && !changed; side++) {
                    changed = tryFusePrelu(result, add, add.inputs[side], add.inputs[1 - side]);
                }
            }
        }
        return new FloatGraph(tensors, result, inputs, outputs, description);
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
            if (tensors.get(mul.inputs[k]).constant()) {
                alpha = mul.inputs[k];
                negOut = mul.inputs[1 - k];
            }
        }
        if (alpha < 0 || tensors.get(alpha).type() != TensorType.FLOAT32) {
            return false;
        }
        Op negOuter = producer(ops, negOut, BuiltinOperator.NEG);
        Op reluInner = negOuter == null ? null : producer(ops, negOuter.inputs[0], BuiltinOperator.RELU);
        Op negInner = reluInner == null ? null : producer(ops, reluInner.inputs[0], BuiltinOperator.NEG);
        int x = relu.inputs[0];
        if (negInner == null || negInner.inputs[0] != x) {
            return false;
        }
        List<Op> removed = List.of(relu, negInner, reluInner, negOuter, mul);
        for (Op op : removed) {
            if (consumers(ops, op.outputs[0]) != 1 || isGraphOutput(op.outputs[0])) {
                return false; // an intermediate is used elsewhere: not a pure PReLU
            }
        }
        int at = ops.indexOf(add);
        ops.set(at, new Op(BuiltinOperator.PRELU, 1, new int[] {x, alpha}, add.outputs, null));
        ops.removeAll(removed);
        return true;
    }

    private static Op producer(List<Op> ops, int tensor, int code) {
        for (Op op : ops) {
            if (op.code == code && op.outputs.length == 1 && op.outputs[0] == tensor) {
                return op;
            }
        }
        return null;
    }

    private static int consumers(List<Op> ops, int tensor) {
        int n = 0;
        for (Op op : ops) {
            for (int in : op.inputs) {
                if (in == tensor) {
                    n++;
                }
            }
        }
        return n;
    }

    boolean isGraphOutput(int tensor) {
        return Arrays.stream(outputs).anyMatch(o -> o == tensor);
    }

    boolean isGraphInput(int tensor) {
        return Arrays.stream(inputs).anyMatch(i -> i == tensor);
    }

    /** The float values of a float32 constant. */
    float[] floats(int tensor) {
        Tensor t = tensors.get(tensor);
        if (!t.constant() || t.type() != TensorType.FLOAT32) {
            throw new IllegalArgumentException("tensor '" + t.name() + "' is not a float32 constant");
        }
        float[] values = new float[t.data().length / Float.BYTES];
        ByteBuffer.wrap(t.data()).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return values;
    }

    /**
     * This graph as a float model again. With {@code everyActivationAnOutput}, every tensor an operator
     * computes is also a graph output: the interpreter (and XNNPACK) then keeps each one in its own memory
     * after a run, which is how calibration reads intermediate values. Tensor indices are unchanged.
     */
    byte[] write(boolean everyActivationAnOutput) {
        TfliteModelBuilder b = new TfliteModelBuilder(description);
        for (Tensor t : tensors) {
            if (t.constant()) {
                b.constant(t.name(), t.shape(), t.type(), t.data(), null);
            } else {
                b.activation(t.name(), t.shape(), t.type(), null);
            }
        }
        for (Op op : ops) {
            b.operator(op.code, op.version, op.inputs, op.outputs, op.options);
        }
        int[] outs = outputs;
        if (everyActivationAnOutput) {
            outs = ops.stream().flatMapToInt(op -> Arrays.stream(op.outputs)).distinct().toArray();
        }
        return b.inputs(inputs).outputs(outs).build();
    }

    static int fusedActivation(Op op) {
        if (op.options == null || op.options.getValue() == null) {
            return 0;
        }
        Object o = op.options.getValue();
        try {
            return ((Number) o.getClass().getMethod("getFusedActivationFunction").invoke(o)).intValue();
        } catch (ReflectiveOperationException e) {
            return 0; // options without a fused activation
        }
    }
}
