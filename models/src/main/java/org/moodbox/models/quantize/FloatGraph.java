package org.moodbox.models.quantize;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
public final class FloatGraph {
    /** One operator: builtin code, version, tensor indices (-1 = optional input left out), options. */
    public record Op(int code, int version, int[] inputs, int[] outputs, BuiltinOptionsUnion options) {
    }

    /** One tensor; {@code data} is null for a tensor computed at run time. */
    public record Tensor(String name, int[] shape, byte type, byte[] data) {
        public boolean constant() {
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

    public static FloatGraph read(byte[] tflite) {
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
     * Replaces TensorFlow's decomposed PReLU by one PRELU operator ({@link PreluFusion}); this graph stays as
     * it was.
     */
    public FloatGraph fusePrelu() {
        return PreluFusion.fuse(this);
    }

    /** The same graph inputs, outputs and description over other tensors and operators. */
    FloatGraph with(List<Tensor> nextTensors, List<Op> nextOps) {
        return new FloatGraph(nextTensors, nextOps, inputs, outputs, description);
    }

    /** The index of the tensor named {@code name}; an error naming it when there is none. */
    public int tensorIndex(String name) {
        for (int i = 0; i < tensors.size(); i++) {
            if (tensors.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new UnsupportedModelException("the model has no tensor named '" + name + "'");
    }

    public int[] shape(String name) {
        return tensors.get(tensorIndex(name)).shape().clone();
    }

    /** The values of the float32 constant named {@code name}. */
    public float[] constant(String name) {
        return floats(tensorIndex(name));
    }

    /** The graph's input tensors (indices into {@link #tensor}). */
    public int[] graphInputs() {
        return inputs.clone();
    }

    /** The graph's output tensors (indices into {@link #tensor}). */
    public int[] graphOutputs() {
        return outputs.clone();
    }

    /** This graph with another description (what the written file says it is). */
    public FloatGraph withDescription(String nextDescription) {
        return new FloatGraph(tensors, ops, inputs, outputs, nextDescription);
    }

    /** What the model file says it is. */
    public String description() {
        return description;
    }

    public List<Op> operators() {
        return List.copyOf(ops);
    }

    public Tensor tensor(int index) {
        return tensors.get(index);
    }

    /**
     * The part of the graph that computes tensor {@code to} from tensor {@code from} (which becomes the only
     * input), with the batch dimension of every activation set to {@code batch}. Fails when {@code to} needs
     * another graph input. Tensor indices are unchanged; {@link #write} leaves unused tensors out.
     */
    public FloatGraph slice(String from, String to, int batch) {
        int in = tensorIndex(from);
        int out = tensorIndex(to);
        Set<Integer> needed = new HashSet<>(List.of(out));
        List<Op> kept = new ArrayList<>();
        for (int i = ops.size() - 1; i >= 0; i--) {
            Op op = ops.get(i);
            if (Arrays.stream(op.outputs).anyMatch(needed::contains) && !Arrays.stream(op.outputs).anyMatch(o -> o == in)) {
                kept.add(0, op);
                for (int t : op.inputs) {
                    if (t >= 0 && !tensors.get(t).constant() && t != in) {
                        needed.add(t);
                    }
                }
            }
        }
        for (int t : needed) {
            boolean produced = kept.stream().anyMatch(op -> Arrays.stream(op.outputs).anyMatch(o -> o == t));
            if (!produced) {
                throw new UnsupportedModelException("tensor '" + to + "' needs '" + tensors.get(t).name()
                        + "', which is not computed from '" + from + "'");
            }
        }
        List<Tensor> rebatched = new ArrayList<>(tensors);
        for (int i = 0; i < rebatched.size(); i++) {
            Tensor t = rebatched.get(i);
            if (!t.constant() && t.shape().length == 4) {
                int[] s = t.shape().clone();
                s[0] = batch;
                rebatched.set(i, new Tensor(t.name(), s, t.type(), null));
            }
        }
        return new FloatGraph(rebatched, kept, new int[] {in}, new int[] {out}, description);
    }

    /** This graph with the float32 constant {@code name} holding {@code values} (same count) instead. */
    public FloatGraph withConstant(String name, float[] values) {
        return withConstant(tensorIndex(name), values);
    }

    /** The same by tensor index (names need not be unique in a file). */
    FloatGraph withConstant(int i, float[] values) {
        Tensor t = tensors.get(i);
        String name = t.name();
        if (t.type() != TensorType.FLOAT32 || !t.constant() || t.data().length != values.length * Float.BYTES) {
            throw new IllegalArgumentException("constant '" + name + "' holds " + (t.constant() ? t.data().length / 4 : 0)
                    + " float32 values; got " + values.length);
        }
        List<Tensor> copy = new ArrayList<>(tensors);
        copy.set(i, new Tensor(t.name(), t.shape(), t.type(), littleEndian(values)));
        return new FloatGraph(copy, ops, inputs, outputs, description);
    }

    /**
     * This graph taking a grey {@code [1, side, side, 1]} image instead of its RGB input: the image is resized
     * bilinearly (half-pixel centres, as OpenCV's INTER_LINEAR) to the input's height and width, and the first
     * convolution's weights are summed over the three colour channels (grey copied to R, G and B gives the same
     * result) and multiplied by {@code weightScale} (to absorb a different input normalisation).
     */
    public FloatGraph withGreyInput(int side, float weightScale) {
        if (inputs.length != 1) {
            throw new UnsupportedModelException("the model has " + inputs.length + " inputs; one RGB image expected");
        }
        int rgb = inputs[0];
        int[] rgbShape = tensors.get(rgb).shape();
        List<Op> users = ops.stream().filter(op -> Arrays.stream(op.inputs).anyMatch(t -> t == rgb)).toList();
        if (rgbShape.length != 4 || rgbShape[3] != 3 || users.size() != 1 || users.get(0).code != BuiltinOperator.CONV_2D) {
            throw new UnsupportedModelException("the input " + Arrays.toString(rgbShape)
                    + " is not one RGB image read by one convolution");
        }
        Op conv = users.get(0);
        Tensor w = tensors.get(conv.inputs[1]);
        float[] weights = floats(conv.inputs[1]);
        int[] ws = w.shape(); // OHWI
        float[] grey = new float[weights.length / 3];
        for (int i = 0; i < grey.length; i++) {
            grey[i] = (weights[3 * i] + weights[3 * i + 1] + weights[3 * i + 2]) * weightScale;
        }
        List<Tensor> t = new ArrayList<>(tensors);
        t.add(new Tensor("grey_face", new int[] {1, side, side, 1}, TensorType.FLOAT32, null));
        int greyIn = t.size() - 1;
        t.add(new Tensor("grey_face/size", new int[] {2}, TensorType.INT32, littleEndian(new int[] {rgbShape[1], rgbShape[2]})));
        int size = t.size() - 1;
        t.add(new Tensor("grey_face/resized", new int[] {1, rgbShape[1], rgbShape[2], 1}, TensorType.FLOAT32, null));
        int resized = t.size() - 1;
        t.add(new Tensor(w.name() + "/grey", new int[] {ws[0], ws[1], ws[2], 1}, TensorType.FLOAT32, littleEndian(grey)));
        int greyWeights = t.size() - 1;
        List<Op> newOps = new ArrayList<>();
        newOps.add(new Op(BuiltinOperator.RESIZE_BILINEAR, 3, new int[] {greyIn, size}, new int[] {resized},
                org.moodbox.models.tflite.TfliteOptions.resizeBilinear(false, true)));
        for (Op op : ops) {
            if (op == conv) {
                int[] in = op.inputs.clone();
                in[0] = resized;
                in[1] = greyWeights;
                newOps.add(new Op(op.code, op.version, in, op.outputs, op.options));
            } else {
                newOps.add(op);
            }
        }
        return new FloatGraph(t, newOps, new int[] {greyIn}, outputs, description);
    }

    /**
     * Copies this graph's used tensors and operators into {@code out} (constants with their data) and returns
     * the new index of each old tensor (-1 for tensors left out); inputs and outputs are the caller's to name.
     */
    public int[] copyInto(TfliteModelBuilder out) {
        return copyInto(out, -1, -1);
    }

    /**
     * The same, with this graph's tensor {@code joined} taken to be the builder's tensor {@code existing}
     * instead of a new one: how a graph that starts where another ends is appended to it.
     */
    public int[] copyInto(TfliteModelBuilder out, int joined, int existing) {
        boolean[] used = new boolean[tensors.size()];
        for (int i : inputs) {
            used[i] = true;
        }
        for (int o : outputs) {
            used[o] = true;
        }
        for (Op op : ops) {
            for (int t : op.inputs) {
                if (t >= 0) {
                    used[t] = true;
                }
            }
            for (int t : op.outputs) {
                used[t] = true;
            }
        }
        int[] index = new int[tensors.size()];
        Arrays.fill(index, -1);
        for (int i = 0; i < tensors.size(); i++) {
            if (i == joined) {
                index[i] = existing;
            } else if (used[i]) {
                Tensor t = tensors.get(i);
                index[i] = t.constant() ? out.constant(t.name(), t.shape(), t.type(), t.data(), null)
                        : out.activation(t.name(), t.shape(), t.type(), null);
            }
        }
        for (Op op : ops) {
            out.operator(op.code, op.version, remap(op.inputs, index), remap(op.outputs, index), op.options);
        }
        return index;
    }

    private static int[] remap(int[] tensorsOfOp, int[] index) {
        return Arrays.stream(tensorsOfOp).map(t -> t < 0 ? -1 : index[t]).toArray();
    }

    static byte[] littleEndian(float[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return b.array();
    }

    private static byte[] littleEndian(int[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.asIntBuffer().put(values);
        return b.array();
    }

    boolean isGraphOutput(int tensor) {
        return Arrays.stream(outputs).anyMatch(o -> o == tensor);
    }

    boolean isGraphInput(int tensor) {
        return Arrays.stream(inputs).anyMatch(i -> i == tensor);
    }

    /** The float values of a float32 constant. */
    float[] floats(int tensor) {
        FloatBuffer data = constantData(tensor, TensorType.FLOAT32, "float32").asFloatBuffer();
        float[] values = new float[data.remaining()];
        data.get(values);
        return values;
    }

    /** The values of an int32 constant (axes, shapes). */
    int[] ints(int tensor) {
        IntBuffer data = constantData(tensor, TensorType.INT32, "int32").asIntBuffer();
        int[] values = new int[data.remaining()];
        data.get(values);
        return values;
    }

    private ByteBuffer constantData(int tensor, byte type, String typeName) {
        Tensor t = tensors.get(tensor);
        if (!t.constant() || t.type() != type) {
            throw new IllegalArgumentException("tensor '" + t.name() + "' is not a " + typeName + " constant");
        }
        return ByteBuffer.wrap(t.data()).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** This graph as a float model with only the tensors its operators use (a slice or a fused graph carries the rest along). */
    public byte[] writeCompact() {
        TfliteModelBuilder b = new TfliteModelBuilder(description);
        int[] index = copyInto(b);
        return b.inputs(remap(inputs, index)).outputs(remap(outputs, index)).build();
    }

    /**
     * This graph as a float model again. With {@code everyActivationAnOutput}, every tensor an operator
     * computes is also a graph output: the interpreter (and XNNPACK) then keeps each one in its own memory
     * after a run, which is how calibration reads intermediate values. Tensor indices are unchanged.
     */
    public byte[] write(boolean everyActivationAnOutput) {
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

    public static int fusedActivation(Op op) {
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
