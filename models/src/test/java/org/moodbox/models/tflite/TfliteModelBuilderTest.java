package org.moodbox.models.tflite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.lite.schema.ActivationFunctionType;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.Model;
import org.tensorflow.lite.schema.Padding;

class TfliteModelBuilderTest {
    @TempDir
    Path dir;

    /**
     * One 2x2 VALID convolution, 2 input channels to 2 output channels, bias and fused ReLU, on a 3x3 input.
     * Two channels each side make a wrong OHWI layout visible; a negative pre-activation checks the ReLU.
     */
    @Test
    void oneConvolutionModelRunsInTheInterpreterWithHandComputedOutputs() throws IOException {
        // input [1,3,3,2]: pixel (y,x) channel c holds 10*y + x + 100*c
        float[] input = new float[3 * 3 * 2];
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 3; x++) {
                for (int c = 0; c < 2; c++) {
                    input[(y * 3 + x) * 2 + c] = 10 * y + x + 100 * c;
                }
            }
        }
        // filter OHWI [2,2,2,2]. Output 0 sums channel 0 of the window's top-left and bottom-right pixels;
        // output 1 is minus channel 1 of the top-left pixel.
        float[] filter = new float[2 * 2 * 2 * 2];
        filter[index(0, 0, 0, 0)] = 1;
        filter[index(0, 1, 1, 0)] = 1;
        filter[index(1, 0, 0, 1)] = -1;
        float[] bias = {0.5f, 150f};

        TfliteModelBuilder b = new TfliteModelBuilder("one conv");
        int x = b.floatActivation("x", 1, 3, 3, 2);
        int w = b.floatConstant("w", new int[] {2, 2, 2, 2}, filter);
        int bi = b.floatConstant("b", new int[] {2}, bias);
        int y = b.floatActivation("y", 1, 2, 2, 2);
        b.operator(BuiltinOperator.CONV_2D, new int[] {x, w, bi}, new int[] {y},
                TfliteOptions.conv2d(Padding.VALID, 1, 1, 1, 1, ActivationFunctionType.RELU));
        Path file = dir.resolve("one-conv.tflite");
        Files.write(file, b.inputs(x).outputs(y).build());

        try (TfliteInterpreter interpreter = new TfliteInterpreter(file)) {
            assertThat(interpreter.inputShape()).containsExactly(1, 3, 3, 2);
            assertThat(interpreter.outputShape()).containsExactly(1, 2, 2, 2);
            float[] out = interpreter.run(input);
            // Window at (0,0): out0 = px(0,0)c0 + px(1,1)c0 + 0.5 = 0 + 11 + 0.5; out1 = -(100) + 150 = 50.
            // Window at (0,1): out0 = 1 + 12 + 0.5;  out1 = -(101) + 150 = 49.
            // Window at (1,0): out0 = 10 + 21 + 0.5; out1 = -(110) + 150 = 40.
            // Window at (1,1): out0 = 11 + 22 + 0.5; out1 = -(111) + 150 = 39.
            assertThat(out).containsExactly(new float[] {11.5f, 50, 13.5f, 49, 31.5f, 40, 33.5f, 39}, within(1e-6f));

            // A bias that drives output 1 negative must be clipped to zero by the fused ReLU.
            float[] brighter = input.clone();
            brighter[1] = 400; // pixel (0,0) channel 1
            assertThat(interpreter.run(brighter)[1]).isEqualTo(0f);
        }
    }

    @Test
    void meanAndSoftmaxOverAnInt32AxisTensor() throws IOException {
        TfliteModelBuilder b = new TfliteModelBuilder("mean softmax");
        int x = b.floatActivation("x", 1, 2, 2, 3);
        int axes = b.int32Constant("axes", new int[] {2}, new int[] {1, 2});
        int m = b.floatActivation("mean", 1, 3);
        int p = b.floatActivation("p", 1, 3);
        b.operator(BuiltinOperator.MEAN, new int[] {x, axes}, new int[] {m}, TfliteOptions.reducer(false));
        b.operator(BuiltinOperator.SOFTMAX, new int[] {m}, new int[] {p}, TfliteOptions.softmax(1f));
        Path file = dir.resolve("mean-softmax.tflite");
        Files.write(file, b.inputs(x).outputs(p).build());

        // channel means: 0, 1, 2 -> softmax = e^k / (1 + e + e^2)
        float[] input = {0, 0, 2, 0, 1, 2, 0, 2, 2, 0, 1, 2};
        double z = 1 + Math.E + Math.E * Math.E;
        try (TfliteInterpreter interpreter = new TfliteInterpreter(file)) {
            assertThat(interpreter.run(input)).containsExactly(
                    new float[] {(float) (1 / z), (float) (Math.E / z), (float) (Math.E * Math.E / z)}, within(1e-6f));
        }
    }

    @Test
    void everyBufferIsSixteenByteAlignedAndBufferZeroIsEmpty() {
        TfliteModelBuilder b = new TfliteModelBuilder("alignment");
        int x = b.floatActivation("x", 1, 3);
        int odd = b.constant("odd", new int[] {3}, org.tensorflow.lite.schema.TensorType.INT8, new byte[] {1, 2, 3},
                Quantization.perTensor(0.5f, 0));
        int c = b.floatConstant("c", new int[] {1, 3}, new float[] {1, 2, 3});
        int y = b.floatActivation("y", 1, 3);
        b.operator(BuiltinOperator.ADD, new int[] {x, c}, new int[] {y}, TfliteOptions.add(ActivationFunctionType.NONE));
        byte[] bytes = b.inputs(x).outputs(y).build();

        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        assertThat(Model.ModelBufferHasIdentifier(buffer)).isTrue();
        Model model = Model.getRootAsModel(buffer);
        assertThat(model.version()).isEqualTo(3);
        assertThat(model.buffersLength()).isEqualTo(3);
        assertThat(model.buffers(0).dataLength()).isZero();
        for (int i = 1; i < model.buffersLength(); i++) {
            ByteBuffer data = model.buffers(i).dataAsByteBuffer();
            assertThat(data.position() % 16).as("buffer %d offset", i).isZero();
        }
        assertThat(model.subgraphs(0).tensors(odd).quantization().scale(0)).isEqualTo(0.5f);
        assertThat(model.operatorCodes(0).builtinCode()).isEqualTo(BuiltinOperator.ADD);
    }

    private static int index(int o, int h, int w, int i) {
        return ((o * 2 + h) * 2 + w) * 2 + i;
    }
}
