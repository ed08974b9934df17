package org.moodbox.models.tflite;

import com.google.flatbuffers.FlatBufferBuilder;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.lite.schema.Buffer;
import org.tensorflow.lite.schema.BuiltinOptionsUnion;
import org.tensorflow.lite.schema.Model;
import org.tensorflow.lite.schema.OperatorCode;
import org.tensorflow.lite.schema.OperatorCodeT;
import org.tensorflow.lite.schema.OperatorT;
import org.tensorflow.lite.schema.SubGraph;
import org.tensorflow.lite.schema.SubGraphT;
import org.tensorflow.lite.schema.TensorT;
import org.tensorflow.lite.schema.TensorType;

/**
 * Writes a single-subgraph TFLite flatbuffer (schema version 3, identifier "TFL3") from tensors, constant
 * buffers and builtin operators. Tensors and operators use the schema's object API; the model table and
 * the buffers are written by hand because the generated {@code Buffer.pack} ignores the schema's
 * {@code force_align: 16}, and kernels (XNNPACK, int8 paths) may read constants with aligned loads.
 *
 * <p>Usage: add tensors (constants carry data, activations do not), add operators in execution order,
 * name the graph inputs and outputs, then {@link #build()}.
 */
public final class TfliteModelBuilder {
    private static final int SCHEMA_VERSION = 3;
    private static final int BUFFER_ALIGNMENT = 16;
    /** Builtin codes above this live only in the int32 field; the byte field is capped (schema comment). */
    private static final int PLACEHOLDER_FOR_GREATER_OP_CODES = 127;

    private final List<byte[]> buffers = new ArrayList<>(List.of(new byte[0])); // buffer 0: the empty sentinel
    private final List<TensorT> tensors = new ArrayList<>();
    private final List<OperatorT> operators = new ArrayList<>();
    private final List<OperatorCodeT> operatorCodes = new ArrayList<>();
    private final Map<Long, Integer> operatorCodeIndex = new HashMap<>();
    private int[] inputs = new int[0];
    private int[] outputs = new int[0];
    private final String description;

    public TfliteModelBuilder(String description) {
        this.description = description;
    }

    /** A tensor computed at run time (graph input, activation, output): no data. Returns its index. */
    public int activation(String name, int[] shape, byte type, Quantization quantization) {
        return addTensor(name, shape, type, 0, quantization);
    }

    public int floatActivation(String name, int... shape) {
        return activation(name, shape, TensorType.FLOAT32, null);
    }

    /** A constant tensor whose little-endian bytes are stored in the model. Returns its index. */
    public int constant(String name, int[] shape, byte type, byte[] littleEndianData, Quantization quantization) {
        buffers.add(littleEndianData.clone());
        return addTensor(name, shape, type, buffers.size() - 1, quantization);
    }

    public int floatConstant(String name, int[] shape, float[] values) {
        checkCount(name, shape, values.length);
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        return constant(name, shape, TensorType.FLOAT32, bytes.array(), null);
    }

    public int int32Constant(String name, int[] shape, int[] values) {
        checkCount(name, shape, values.length);
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asIntBuffer().put(values);
        return constant(name, shape, TensorType.INT32, bytes.array(), null);
    }

    /** Int8 weights with their quantization (per tensor or per channel). */
    public int int8Constant(String name, int[] shape, byte[] values, Quantization quantization) {
        checkCount(name, shape, values.length);
        return constant(name, shape, TensorType.INT8, values, quantization);
    }

    /** Adds a builtin operator; call in execution order. {@code options} may be null for option-less ops. */
    public void operator(int builtinCode, int version, int[] inputTensors, int[] outputTensors,
                         BuiltinOptionsUnion options) {
        OperatorT op = new OperatorT();
        op.setOpcodeIndex(operatorCodeIndex(builtinCode, version));
        op.setInputs(inputTensors.clone());
        op.setOutputs(outputTensors.clone());
        if (options != null) {
            op.setBuiltinOptions(options);
        }
        operators.add(op);
    }

    public void operator(int builtinCode, int[] inputTensors, int[] outputTensors, BuiltinOptionsUnion options) {
        operator(builtinCode, 1, inputTensors, outputTensors, options);
    }

    public TfliteModelBuilder inputs(int... tensorIndices) {
        inputs = tensorIndices.clone();
        return this;
    }

    public TfliteModelBuilder outputs(int... tensorIndices) {
        outputs = tensorIndices.clone();
        return this;
    }

    public int[] shapeOf(int tensor) {
        return tensors.get(tensor).getShape().clone();
    }

    /** The finished flatbuffer, ready to write to a {@code .tflite} file. */
    public byte[] build() {
        if (inputs.length == 0 || outputs.length == 0) {
            throw new IllegalStateException("name the graph inputs and outputs before build()");
        }
        long dataBytes = buffers.stream().mapToLong(b -> b.length + BUFFER_ALIGNMENT).sum();
        FlatBufferBuilder fbb = new FlatBufferBuilder((int) Math.min(Integer.MAX_VALUE / 2, dataBytes + 64 * 1024));

        int[] bufferOffsets = new int[buffers.size()];
        for (int i = 0; i < buffers.size(); i++) {
            bufferOffsets[i] = writeBuffer(fbb, buffers.get(i));
        }
        int[] codeOffsets = operatorCodes.stream().mapToInt(c -> OperatorCode.pack(fbb, c)).toArray();

        SubGraphT graph = new SubGraphT();
        graph.setName("main");
        graph.setTensors(tensors.toArray(TensorT[]::new));
        graph.setOperators(operators.toArray(OperatorT[]::new));
        graph.setInputs(inputs.clone());
        graph.setOutputs(outputs.clone());
        int graphOffset = SubGraph.pack(fbb, graph);

        int buffersVector = Model.createBuffersVector(fbb, bufferOffsets);
        int codesVector = Model.createOperatorCodesVector(fbb, codeOffsets);
        int graphsVector = Model.createSubgraphsVector(fbb, new int[] {graphOffset});
        int descriptionOffset = fbb.createString(description);

        Model.startModel(fbb);
        Model.addVersion(fbb, SCHEMA_VERSION);
        Model.addOperatorCodes(fbb, codesVector);
        Model.addSubgraphs(fbb, graphsVector);
        Model.addDescription(fbb, descriptionOffset);
        Model.addBuffers(fbb, buffersVector);
        Model.finishModelBuffer(fbb, Model.endModel(fbb));
        return fbb.sizedByteArray();
    }

    private static int writeBuffer(FlatBufferBuilder fbb, byte[] data) {
        int dataVector = 0;
        if (data.length > 0) {
            // FlatBuffers build back to front: reserve aligned space, then put the bytes last to first.
            fbb.startVector(1, data.length, BUFFER_ALIGNMENT);
            for (int i = data.length - 1; i >= 0; i--) {
                fbb.putByte(data[i]);
            }
            dataVector = fbb.endVector();
        }
        Buffer.startBuffer(fbb);
        if (data.length > 0) {
            Buffer.addData(fbb, dataVector);
        }
        return Buffer.endBuffer(fbb);
    }

    private int addTensor(String name, int[] shape, byte type, int buffer, Quantization quantization) {
        TensorT t = new TensorT();
        t.setName(name);
        t.setShape(shape.clone());
        t.setType(type);
        t.setBuffer(buffer);
        if (quantization != null) {
            t.setQuantization(quantization.toSchema());
        }
        tensors.add(t);
        return tensors.size() - 1;
    }

    private int operatorCodeIndex(int builtinCode, int version) {
        long key = ((long) builtinCode << 32) | version;
        return operatorCodeIndex.computeIfAbsent(key, k -> {
            OperatorCodeT code = new OperatorCodeT();
            code.setBuiltinCode(builtinCode);
            code.setDeprecatedBuiltinCode((byte) Math.min(builtinCode, PLACEHOLDER_FOR_GREATER_OP_CODES));
            code.setVersion(version);
            operatorCodes.add(code);
            return operatorCodes.size() - 1;
        });
    }

    private static void checkCount(String name, int[] shape, int count) {
        long expected = 1;
        for (int d : shape) {
            expected *= d;
        }
        if (expected != count) {
            throw new IllegalArgumentException("tensor " + name + ": shape holds " + expected + " values, got " + count);
        }
    }
}
