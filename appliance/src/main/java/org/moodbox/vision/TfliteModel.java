package org.moodbox.vision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.tensorflowlite.BuiltinOpResolver;
import org.bytedeco.tensorflowlite.FlatBufferModel;
import org.bytedeco.tensorflowlite.Interpreter;
import org.bytedeco.tensorflowlite.InterpreterBuilder;
import org.bytedeco.tensorflowlite.TfLiteTensor;
import org.moodbox.models.ModelFiles;

import static org.bytedeco.tensorflowlite.global.tensorflowlite.TfLiteTensorDim;
import static org.bytedeco.tensorflowlite.global.tensorflowlite.TfLiteTensorNumDims;
import static org.bytedeco.tensorflowlite.global.tensorflowlite.kTfLiteOk;

/**
 * One TFLite interpreter on one float32 model, on one thread (XNNPACK through the default
 * delegates). Not thread-safe: each pipeline owns its own instances.
 */
public final class TfliteModel implements AutoCloseable {
    private final String name;
    private final FlatBufferModel model;
    private final BuiltinOpResolver resolver;
    private final Interpreter interpreter;
    private boolean allocated;

    private TfliteModel(String name, Path file, int threads) {
        this.name = name;
        requireWholeModel(name, file);
        this.model = FlatBufferModel.BuildFromFile(file.toString());
        if (model == null || model.isNull()) {
            throw new IllegalStateException("TFLite cannot read model " + name + " (" + file + ")");
        }
        this.resolver = new BuiltinOpResolver();
        this.interpreter = new Interpreter((org.bytedeco.javacpp.Pointer) null);
        InterpreterBuilder builder = new InterpreterBuilder(model, resolver);
        builder.SetNumThreads(threads);
        check(builder.apply(interpreter), "build the interpreter");
        builder.close();
        // Tensors are planned on first use, not here: the P-Net port declares a 1280x960 input, and
        // planning that size for every pyramid level before resizing costs hundreds of MB each.
    }

    /**
     * Refuses a file that is not a whole TFLite flatbuffer (missing, cut short, not a model) with its name,
     * before the native interpreter reads it: TFLite does not verify a mapped file and could read past its end.
     * Every table and buffer is walked once by the schema's own reader, which stops at the first offset out of
     * bounds.
     */
    static void requireWholeModel(String name, Path file) {
        byte[] bytes;
        try {
            bytes = java.nio.file.Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("model file " + name + " (" + file + ") cannot be read: " + e.getMessage(), e);
        }
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
        if (bytes.length < 8 || !org.tensorflow.lite.schema.Model.ModelBufferHasIdentifier(buffer)) {
            throw new IllegalStateException("model file " + name + " (" + file + ") is not a TFLite model ("
                    + bytes.length + " bytes, no TFL3 identifier)");
        }
        try {
            org.tensorflow.lite.schema.Model.getRootAsModel(buffer).unpack();
        } catch (RuntimeException e) {
            throw new IllegalStateException("model file " + name + " (" + file + ") is truncated or damaged ("
                    + bytes.length + " bytes): " + e, e);
        }
    }

    /** Loads a model that the moodbox-models jar carries (see {@link ModelFiles}). */
    public static TfliteModel fromModelFiles(String modelName, int threads) {
        return new TfliteModel(modelName, ModelFileCache.path(modelName), threads);
    }

    public static TfliteModel fromFile(Path file, int threads) {
        return new TfliteModel(file.getFileName().toString(), file, threads);
    }

    /** Changes the input shape (P-Net per pyramid scale, batch size of R/O-Net) and re-plans memory. */
    public void resizeInput(int inputIndex, int... dims) {
        if (allocated && java.util.Arrays.equals(inputShape(inputIndex), dims)) {
            return;
        }
        check(interpreter.ResizeInputTensor(interpreter.inputs().get(inputIndex), dims), "resize input");
        allocate();
    }

    private void allocate() {
        check(interpreter.AllocateTensors(), "allocate tensors");
        allocated = true;
    }

    public FloatPointer input(int index) {
        if (!allocated) {
            allocate();
        }
        return data(interpreter.input_tensor(index));
    }

    public FloatPointer output(int index) {
        return data(interpreter.output_tensor(index));
    }

    public int[] inputShape(int index) {
        return shape(interpreter.input_tensor(index));
    }

    public int[] outputShape(int index) {
        return shape(interpreter.output_tensor(index));
    }

    /**
     * The output whose last dimension is {@code lastDim}, searched among the first {@code count}
     * outputs: the ported MTCNN files order their outputs differently, their shapes do not.
     */
    public int outputWithLastDim(int lastDim, int count) {
        for (int i = 0; i < count; i++) {
            int[] shape = outputShape(i);
            if (shape[shape.length - 1] == lastDim) {
                return i;
            }
        }
        throw new IllegalStateException("model " + name + " has no output with last dimension " + lastDim);
    }

    public void invoke() {
        check(interpreter.Invoke(), "run");
    }

    private static FloatPointer data(TfLiteTensor tensor) {
        FloatPointer p = tensor.data().f();
        return p.capacity(tensor.bytes() / Float.BYTES);
    }

    private static int[] shape(TfLiteTensor tensor) {
        int[] dims = new int[TfLiteTensorNumDims(tensor)];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = TfLiteTensorDim(tensor, i);
        }
        return dims;
    }

    private void check(int status, String what) {
        if (status != kTfLiteOk) {
            throw new IllegalStateException("TFLite could not " + what + " for model " + name + " (status " + status + ")");
        }
    }

    @Override
    public void close() {
        interpreter.close();
        resolver.close();
        model.close();
    }

    /** TFLite reads models from files; the jar's model bytes are unpacked once per process. */
    static final class ModelFileCache {
        private static Path dir;

        static synchronized Path path(String modelName) {
            try {
                if (dir == null) {
                    dir = Files.createTempDirectory("moodbox-models");
                    dir.toFile().deleteOnExit();
                }
                Path file = dir.resolve(modelName.replace('/', '_'));
                if (!Files.exists(file)) {
                    Files.write(file, ModelFiles.bytes(modelName));
                    file.toFile().deleteOnExit();
                }
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot unpack model " + modelName, e);
            }
        }
    }
}
