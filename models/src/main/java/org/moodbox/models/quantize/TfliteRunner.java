package org.moodbox.models.quantize;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.tensorflowlite.BuiltinOpResolver;
import org.bytedeco.tensorflowlite.FlatBufferModel;
import org.bytedeco.tensorflowlite.Interpreter;
import org.bytedeco.tensorflowlite.InterpreterBuilder;
import org.bytedeco.tensorflowlite.TfLiteTensor;

import static org.bytedeco.tensorflowlite.global.tensorflowlite.TfLiteTensorDim;
import static org.bytedeco.tensorflowlite.global.tensorflowlite.TfLiteTensorNumDims;
import static org.bytedeco.tensorflowlite.global.tensorflowlite.kTfLiteFloat32;

/**
 * The TFLite interpreter (JavaCPP preset, one thread, XNNPACK as on the appliance) on model bytes: runs
 * float inputs of any shape the model accepts and reads any float tensor by index afterwards. The
 * quantizer's oracle: calibration ranges are what the interpreter computes, not what we think it does.
 */
public final class TfliteRunner implements AutoCloseable {
    private static final int OK = 0;

    private final Path file;
    private final FlatBufferModel model;
    private final BuiltinOpResolver resolver;
    private final Interpreter interpreter;
    private int[][] inputShapes;

    public TfliteRunner(byte[] tflite) {
        try {
            // TFLite maps a file; a buffer would have to outlive the model in native memory anyway.
            file = Files.createTempFile("moodbox-quantize", ".tflite");
            Files.write(file, tflite);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage the model for the interpreter", e);
        }
        model = FlatBufferModel.BuildFromFile(file.toString());
        if (model == null || model.isNull()) {
            deleteFile();
            throw new UnsupportedModelException("the TFLite interpreter cannot load the model");
        }
        resolver = new BuiltinOpResolver();
        interpreter = new Interpreter((Pointer) null);
        InterpreterBuilder builder = new InterpreterBuilder(model, resolver);
        builder.SetNumThreads(1);
        int status = builder.apply(interpreter);
        builder.close();
        if (status != OK || interpreter.isNull()) {
            close();
            throw new UnsupportedModelException("the TFLite interpreter cannot build the model (an unknown operator?)");
        }
    }

    /** Resizes the inputs to the sample's shapes when they differ, copies the values in and runs the model. */
    public void run(CalibrationSample sample) {
        List<FloatTensor> values = sample.inputs();
        int[][] wanted = values.stream().map(FloatTensor::shape).toArray(int[][]::new);
        if (inputShapes == null || !Arrays.deepEquals(inputShapes, wanted)) {
            for (int i = 0; i < wanted.length; i++) {
                check(interpreter.ResizeInputTensor(interpreter.inputs().get(i), wanted[i]), "resize input " + i);
            }
            check(interpreter.AllocateTensors(), "allocate tensors for input shapes " + Arrays.deepToString(wanted));
            inputShapes = wanted;
        }
        for (int i = 0; i < values.size(); i++) {
            TfLiteTensor in = interpreter.input_tensor(i);
            if (in.type() != kTfLiteFloat32) {
                throw new IllegalArgumentException("input " + i + " is not float32");
            }
            float[] v = values.get(i).values();
            if (in.bytes() != (long) v.length * Float.BYTES) {
                throw new IllegalArgumentException("input " + i + " takes " + in.bytes() / Float.BYTES + " values, got "
                        + v.length);
            }
            in.data().f().put(v, 0, v.length);
        }
        check(interpreter.Invoke(), "run");
    }

    /** The values of float tensor {@code index} (the model's tensor numbering) after the last run. */
    public float[] floats(int index) {
        TfLiteTensor t = interpreter.tensor(index);
        if (t == null || t.isNull() || t.type() != kTfLiteFloat32 || t.data().isNull()) {
            throw new IllegalStateException("tensor " + index + " holds no float values after the run");
        }
        float[] out = new float[(int) (t.bytes() / Float.BYTES)];
        FloatPointer data = t.data().f();
        data.get(out, 0, out.length);
        return out;
    }

    /** Output {@code i} of the graph after the last run. */
    public float[] output(int i) {
        return floats(interpreter.outputs().get(i));
    }

    public int[] outputShape(int i) {
        return dims(interpreter.output_tensor(i));
    }

    /** Input {@code i}'s shape as the model declares it (or as the last run resized it). */
    public int[] inputShape(int i) {
        return dims(interpreter.input_tensor(i));
    }

    private static int[] dims(TfLiteTensor t) {
        int[] dims = new int[TfLiteTensorNumDims(t)];
        for (int d = 0; d < dims.length; d++) {
            dims[d] = TfLiteTensorDim(t, d);
        }
        return dims;
    }

    private void check(int status, String what) {
        if (status != OK) {
            throw new IllegalStateException("TFLite could not " + what + " (status " + status + ")");
        }
    }

    @Override
    public void close() {
        interpreter.close();
        resolver.close();
        model.close();
        deleteFile();
    }

    private void deleteFile() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temp file; the OS cleans its temp folder
        }
    }
}
