package org.moodbox.lab.export;

import java.nio.file.Path;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.tensorflowlite.BuiltinOpResolver;
import org.bytedeco.tensorflowlite.FlatBufferModel;
import org.bytedeco.tensorflowlite.Interpreter;
import org.bytedeco.tensorflowlite.InterpreterBuilder;
import org.bytedeco.tensorflowlite.TfLiteTensor;

/**
 * The real TFLite 2.20 interpreter (JavaCPP preset, XNNPACK on as on the appliance), one float input and
 * one float output: the oracle for models our writer produces.
 */
public final class TfliteInterpreter implements AutoCloseable {
    private static final int OK = 0;

    private final FlatBufferModel model;
    private final BuiltinOpResolver resolver;
    private final Interpreter interpreter;

    public TfliteInterpreter(Path modelFile) {
        model = FlatBufferModel.BuildFromFile(modelFile.toString());
        if (model == null || model.isNull()) {
            throw new IllegalStateException("TFLite cannot load " + modelFile);
        }
        resolver = new BuiltinOpResolver();
        interpreter = new Interpreter((Pointer) null);
        if (new InterpreterBuilder(model, resolver).apply(interpreter) != OK || interpreter.isNull()) {
            throw new IllegalStateException("TFLite cannot build an interpreter for " + modelFile);
        }
        interpreter.SetNumThreads(1);
        if (interpreter.AllocateTensors() != OK) {
            throw new IllegalStateException("TFLite cannot allocate tensors for " + modelFile);
        }
    }

    public int[] inputShape() {
        return shape(interpreter.input_tensor(0));
    }

    public int[] outputShape() {
        return shape(interpreter.output_tensor(0));
    }

    /** Runs one input (all values of input 0) and returns all values of output 0. */
    public float[] run(float[] input) {
        TfLiteTensor in = interpreter.input_tensor(0);
        if (in.bytes() != (long) input.length * Float.BYTES) {
            throw new IllegalArgumentException("input holds " + in.bytes() / Float.BYTES + " floats, got " + input.length);
        }
        FloatPointer inData = interpreter.typed_input_tensor_float(0);
        inData.put(input, 0, input.length);
        if (interpreter.Invoke() != OK) {
            throw new IllegalStateException("TFLite Invoke failed");
        }
        float[] output = new float[(int) (interpreter.output_tensor(0).bytes() / Float.BYTES)];
        interpreter.typed_output_tensor_float(0).get(output, 0, output.length);
        return output;
    }

    private static int[] shape(TfLiteTensor tensor) {
        int rank = tensor.dims().size();
        int[] shape = new int[rank];
        for (int i = 0; i < rank; i++) {
            shape[i] = tensor.dims().data(i);
        }
        return shape;
    }

    @Override
    public void close() {
        interpreter.close();
        resolver.close();
        model.close();
    }
}
