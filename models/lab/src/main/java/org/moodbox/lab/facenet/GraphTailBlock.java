package org.moodbox.lab.facenet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.moodbox.models.quantize.FloatGraph;
import org.moodbox.models.quantize.UnsupportedModelException;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.Conv2DOptionsT;
import org.tensorflow.lite.schema.DepthwiseConv2DOptionsT;
import org.tensorflow.lite.schema.Padding;

/**
 * A slice of a TFLite graph rebuilt as a DJL block, operator by operator, with the graph's constants as its
 * (trainable) parameters, initialised to the pretrained values: CONV_2D and DEPTHWISE_CONV_2D (batch norm is
 * already folded into them), PRELU and ADD (residual connections) are what MobileFaceNet's blocks use.
 * DJL works in NCHW; the constants are transposed on the way in ({@link #fromTflite}) and back ({@link #toTflite}),
 * so {@link #trainedConstants()} hands the trained values over in the TFLite layout for the export.
 */
public final class GraphTailBlock extends AbstractBlock {
    private record Step(int code, int[] inputs, int output, List<Parameter> params, int stride, int pad) {
    }

    private final FloatGraph graph;
    private final int input;
    private final int output;
    private final List<Step> steps = new ArrayList<>();
    /** DJL parameter name to the TFLite constant it stands for. */
    private final Map<String, Integer> constantOf = new LinkedHashMap<>();
    private final Map<String, Parameter> byName = new LinkedHashMap<>();

    public GraphTailBlock(FloatGraph graph) {
        this.graph = graph;
        int in = -1;
        int out = -1;
        for (FloatGraph.Op op : graph.operators()) {
            int[] activationInputs = java.util.Arrays.stream(op.inputs())
                    .filter(t -> t >= 0 && !graph.tensor(t).constant()).toArray();
            List<Parameter> params = new ArrayList<>();
            int stride = 1;
            int pad = 0;
            switch (op.code()) {
                case BuiltinOperator.CONV_2D, BuiltinOperator.DEPTHWISE_CONV_2D -> {
                    params.add(parameter(op.inputs()[1], Parameter.Type.WEIGHT));
                    params.add(parameter(op.inputs()[2], Parameter.Type.BIAS));
                    Object o = op.options().getValue();
                    byte padding;
                    int act;
                    if (o instanceof Conv2DOptionsT c) {
                        stride = c.getStrideH();
                        padding = c.getPadding();
                        act = c.getFusedActivationFunction();
                    } else {
                        DepthwiseConv2DOptionsT d = (DepthwiseConv2DOptionsT) o;
                        stride = d.getStrideH();
                        padding = d.getPadding();
                        act = d.getFusedActivationFunction();
                    }
                    if (act != 0 || stride != 1) {
                        throw new UnsupportedModelException("only stride-1 convolutions without fused activation");
                    }
                    int k = graph.tensor(op.inputs()[1]).shape()[1];
                    pad = padding == Padding.SAME ? (k - 1) / 2 : 0;
                }
                case BuiltinOperator.PRELU -> params.add(parameter(op.inputs()[1], Parameter.Type.WEIGHT));
                case BuiltinOperator.ADD -> {
                    if (FloatGraph.fusedActivation(op) != 0) {
                        throw new UnsupportedModelException("ADD with a fused activation");
                    }
                }
                default -> throw new UnsupportedModelException("operator " + BuiltinOperator.name(op.code())
                        + " is not rebuilt in DJL");
            }
            if (in < 0) {
                in = activationInputs[0];
            }
            out = op.outputs()[0];
            steps.add(new Step(op.code(), activationInputs, out, params, stride, pad));
        }
        this.input = in;
        this.output = out;
    }

    private Parameter parameter(int tensor, Parameter.Type type) {
        String name = "c" + tensor;
        Parameter existing = byName.get(name);
        if (existing != null) {
            return existing;
        }
        float[] tflite = floats(tensor);
        int[] tShape = graph.tensor(tensor).shape();
        Shape shape = djlShape(tShape, tflite.length);
        float[] values = fromTflite(tShape, tflite);
        Parameter p = addParameter(Parameter.builder().setName(name).setType(type).optShape(shape)
                .optInitializer((manager, s, dataType) -> manager.create(values, s)).build());
        constantOf.put(name, tensor);
        byName.put(name, p);
        return p;
    }

    private float[] floats(int tensor) {
        FloatGraph.Tensor t = graph.tensor(tensor);
        float[] v = new float[t.data().length / 4];
        java.nio.ByteBuffer.wrap(t.data()).order(java.nio.ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        return v;
    }

    /** OHWI conv weights to OIHW; [1,kH,kW,C] depthwise to (C,1,kH,kW); vectors stay vectors. */
    private static Shape djlShape(int[] s, int count) {
        if (s.length == 4 && s[0] == 1) {
            return new Shape(s[3], 1, s[1], s[2]);
        }
        if (s.length == 4) {
            return new Shape(s[0], s[3], s[1], s[2]);
        }
        return new Shape(count);
    }

    static float[] fromTflite(int[] s, float[] v) {
        if (s.length != 4) {
            return v.clone();
        }
        int o = s[0];
        int kh = s[1];
        int kw = s[2];
        int i = s[3];
        float[] out = new float[v.length];
        for (int a = 0; a < o; a++) {
            for (int y = 0; y < kh; y++) {
                for (int x = 0; x < kw; x++) {
                    for (int c = 0; c < i; c++) {
                        float value = v[((a * kh + y) * kw + x) * i + c];
                        if (o == 1) { // depthwise: channel c is the output channel
                            out[(c * kh + y) * kw + x] = value;
                        } else {
                            out[((a * i + c) * kh + y) * kw + x] = value;
                        }
                    }
                }
            }
        }
        return out;
    }

    static float[] toTflite(int[] s, float[] djl) {
        if (s.length != 4) {
            return djl.clone();
        }
        int o = s[0];
        int kh = s[1];
        int kw = s[2];
        int i = s[3];
        float[] out = new float[djl.length];
        for (int a = 0; a < o; a++) {
            for (int y = 0; y < kh; y++) {
                for (int x = 0; x < kw; x++) {
                    for (int c = 0; c < i; c++) {
                        out[((a * kh + y) * kw + x) * i + c] = o == 1 ? djl[(c * kh + y) * kw + x]
                                : djl[((a * i + c) * kh + y) * kw + x];
                    }
                }
            }
        }
        return out;
    }

    /** The current values of every constant, by TFLite tensor name and in the TFLite layout. */
    public Map<String, float[]> trainedConstants() {
        Map<String, float[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> e : byName.entrySet()) {
            int tensor = constantOf.get(e.getKey());
            FloatGraph.Tensor t = graph.tensor(tensor);
            out.put(t.name(), toTflite(t.shape(), e.getValue().getArray().toFloatArray()));
        }
        return out;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        Map<Integer, NDArray> values = new HashMap<>();
        values.put(input, inputs.singletonOrThrow());
        for (Step s : steps) {
            NDArray x = values.get(s.inputs()[0]);
            NDArray y = switch (s.code()) {
                case BuiltinOperator.CONV_2D -> Conv2d.conv2d(x, value(store, x, s, 0), value(store, x, s, 1),
                        new Shape(1, 1), new Shape(s.pad(), s.pad()), new Shape(1, 1), 1).singletonOrThrow();
                case BuiltinOperator.DEPTHWISE_CONV_2D -> Conv2d.conv2d(x, value(store, x, s, 0), value(store, x, s, 1),
                        new Shape(1, 1), new Shape(s.pad(), s.pad()), new Shape(1, 1), (int) x.getShape().get(1))
                        .singletonOrThrow();
                case BuiltinOperator.PRELU -> {
                    NDArray alpha = value(store, x, s, 0).reshape(1, -1, 1, 1);
                    yield x.maximum(0f).add(x.minimum(0f).mul(alpha));
                }
                case BuiltinOperator.ADD -> x.add(values.get(s.inputs()[1]));
                default -> throw new IllegalStateException("unreachable");
            };
            values.put(s.output(), y);
        }
        return new NDList(values.get(output));
    }

    private static NDArray value(ParameterStore store, NDArray like, Step s, int k) {
        return store.getValue(s.params().get(k), like.getDevice(), true);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        int[] s = graph.tensor(output).shape(); // NHWC
        return new Shape[] {new Shape(inputShapes[0].get(0), s[3], s[1], s[2])};
    }

    @Override
    protected void initializeChildBlocks(ai.djl.ndarray.NDManager manager, DataType dataType, Shape... inputShapes) {
        // no child blocks; the parameters carry their own pretrained initialisers
    }
}
