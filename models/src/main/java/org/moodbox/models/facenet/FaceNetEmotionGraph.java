package org.moodbox.models.facenet;

import java.util.Map;
import org.moodbox.models.quantize.FloatGraph;
import org.moodbox.models.tflite.TfliteModelBuilder;
import org.moodbox.models.tflite.TfliteOptions;
import org.tensorflow.lite.schema.ActivationFunctionType;
import org.tensorflow.lite.schema.BuiltinOperator;

/**
 * The emotion network built on MobileFaceNet (a face-recognition net, MIT, pinned in the model manifest), cut
 * into the parts the models lab needs, all from the pretrained TFLite graph itself:
 * <ul>
 *   <li>the <b>trunk</b>: a 48x48 grey face (FER-2013's format, scaled to [-1, 1] as the DCNN's input) resized
 *       bilinearly to 112x112 inside the graph, through the frozen early blocks to {@link #CACHED} (7x7x128);
 *       the lab runs it once per augmented face and caches the result;</li>
 *   <li>the <b>tail</b>: {@link #CACHED} through the last two inverted-residual blocks and the 1x1 convolution
 *       to 512 channels with its PReLU ({@link #FEATURES}, 7x7x512), the part the lab fine-tunes;</li>
 *   <li>the <b>classifier</b>: trunk + the tail with trained weights + global average pooling, a dense layer to
 *       the seven FER-2013 classes and softmax, in one TFLite file.</li>
 * </ul>
 * The recognition head after {@link #FEATURES} (global depthwise conv to a 192-d identity embedding) is left
 * out: identity training removes expression there (a linear probe on the embedding reaches 51.6% FER+, on
 * the pooled {@link #FEATURES} 67.9%).
 */
public final class FaceNetEmotionGraph {
    /** The pretrained network's file among the build inputs (model-manifest.json, "ship": false). */
    public static final String SOURCE = "mobilefacenet/MobileFaceNet.tflite";
    public static final String CACHED = "MobileFaceNet/MobileFaceNet/Conv2d_5_InvResBlock_0/Conv_1/BatchNorm/FusedBatchNorm";
    public static final String FEATURES = "MobileFaceNet/MobileFaceNet/Conv2d_7/add";
    public static final String GREY_INPUT = "grey_face";
    /** The face the classifier takes: FER-2013's own 48x48 grey, so live crops are cut exactly as the training faces. */
    public static final int INPUT_SIDE = 48;
    /** MobileFaceNet was trained on (v - 127.5) / 128; our grey input is (v - 127.5) / 127.5 like the DCNN's. */
    private static final float INPUT_RESCALE = 127.5f / 128f;
    public static final int CLASSES = 7;

    private final FloatGraph pretrained;

    public FaceNetEmotionGraph(byte[] mobileFaceNetTflite) {
        this(mobileFaceNetTflite, INPUT_SIDE);
    }

    /** With another input side (112 = MobileFaceNet's own, no resizing: how the tests compare with the original). */
    FaceNetEmotionGraph(byte[] mobileFaceNetTflite, int inputSide) {
        this.pretrained = FloatGraph.read(mobileFaceNetTflite).fusePrelu().withGreyInput(inputSide, INPUT_RESCALE);
    }

    /** The original network's input value for our grey input value {@code g}: (v - 127.5) / 128. */
    static float originalInput(float g) {
        return g * INPUT_RESCALE;
    }

    /** Grey [batch, 48, 48, 1] to {@link #CACHED} [batch, 7, 7, 128]. */
    public byte[] trunk(int batch) {
        return pretrained.slice(GREY_INPUT, CACHED, batch).writeCompact();
    }

    /** {@link #CACHED} [batch, 7, 7, 128] to {@link #FEATURES} [batch, 7, 7, 512], pretrained weights. */
    public byte[] tail(int batch) {
        return pretrained.slice(CACHED, FEATURES, batch).writeCompact();
    }

    /** The tail's graph (operators in order, constants with the pretrained values) for rebuilding it elsewhere. */
    public FloatGraph tailGraph() {
        return pretrained.slice(CACHED, FEATURES, 1);
    }

    /**
     * The whole classifier as float32 TFLite: grey [1, 48, 48, 1] to seven probabilities; the pretrained trunk
     * joined to {@link #trainedPart}.
     */
    public byte[] classifier(Map<String, float[]> tailWeights, float[] denseWeights, float[] denseBias,
                             float temperature, String description) {
        return joinTrunk(trainedPart(tailWeights, denseWeights, denseBias, temperature, description));
    }

    /**
     * What our training made, alone, as float32 TFLite: {@link #CACHED} [1, 7, 7, 128] through the trained tail,
     * global average pooling, the dense layer and softmax to seven probabilities. It holds no frozen pretrained
     * weight, so it is the file the repository keeps ({@code models/trained/emotion-fnet-tail.tflite}); the build
     * joins it to the pinned MobileFaceNet's trunk ({@link #assemble}).
     *
     * @param tailWeights trained values of tail constants by tensor name (shapes as in {@link #tailGraph()});
     *                    constants not named keep their pretrained values
     * @param denseWeights [7, 512] row-major, TFLite's FULLY_CONNECTED layout
     * @param temperature  the logits are divided by it (folded into the dense layer): 1 = as trained
     */
    public byte[] trainedPart(Map<String, float[]> tailWeights, float[] denseWeights, float[] denseBias,
                              float temperature, String description) {
        FloatGraph g = pretrained;
        for (Map.Entry<String, float[]> e : tailWeights.entrySet()) {
            g = g.withConstant(e.getKey(), e.getValue());
        }
        g = g.slice(CACHED, FEATURES, 1);
        int channels = g.shape(FEATURES)[3];
        if (denseWeights.length != CLASSES * channels || denseBias.length != CLASSES) {
            throw new IllegalArgumentException("the dense layer takes [" + CLASSES + ", " + channels + "] weights and "
                    + CLASSES + " biases; got " + denseWeights.length + " and " + denseBias.length);
        }
        float[] w = denseWeights.clone();
        float[] b = denseBias.clone();
        for (int i = 0; i < w.length; i++) {
            w[i] /= temperature;
        }
        for (int i = 0; i < b.length; i++) {
            b[i] /= temperature;
        }
        TfliteModelBuilder out = new TfliteModelBuilder(description);
        int[] index = g.copyInto(out);
        int features = index[g.tensorIndex(FEATURES)];
        int axes = out.int32Constant("pool/axes", new int[] {2}, new int[] {1, 2});
        int pooled = out.floatActivation("pooled", 1, channels);
        out.operator(BuiltinOperator.MEAN, new int[] {features, axes}, new int[] {pooled}, TfliteOptions.reducer(false));
        int wt = out.floatConstant("emotion/weights", new int[] {CLASSES, channels}, w);
        int bt = out.floatConstant("emotion/bias", new int[] {CLASSES}, b);
        int logits = out.floatActivation("logits", 1, CLASSES);
        out.operator(BuiltinOperator.FULLY_CONNECTED, new int[] {pooled, wt, bt}, new int[] {logits},
                TfliteOptions.fullyConnected(ActivationFunctionType.NONE));
        int probabilities = out.floatActivation("probabilities", 1, CLASSES);
        out.operator(BuiltinOperator.SOFTMAX, new int[] {logits}, new int[] {probabilities}, TfliteOptions.softmax(1f));
        return out.inputs(index[g.tensorIndex(CACHED)]).outputs(probabilities).build();
    }

    /**
     * The shipped classifier, made at build time (model-manifest.json, "derived"): MobileFaceNet's pretrained
     * trunk, grey face to {@link #CACHED}, joined to our {@link #trainedPart}. The description is the trained
     * part's.
     *
     * @throws IllegalArgumentException when the trained part does not start at {@link #CACHED} [1, 7, 7, 128]
     */
    public static byte[] assemble(byte[] mobileFaceNetTflite, byte[] trainedPart) {
        return new FaceNetEmotionGraph(mobileFaceNetTflite).joinTrunk(trainedPart);
    }

    private byte[] joinTrunk(byte[] trainedPart) {
        FloatGraph tail = FloatGraph.read(trainedPart);
        FloatGraph trunk = pretrained.slice(GREY_INPUT, CACHED, 1);
        int[] tailIn = tail.graphInputs();
        int[] tailOut = tail.graphOutputs();
        if (tailIn.length != 1 || tailOut.length != 1 || !tail.tensor(tailIn[0]).name().equals(CACHED)
                || !java.util.Arrays.equals(tail.tensor(tailIn[0]).shape(), trunk.shape(CACHED))) {
            throw new IllegalArgumentException("the trained part must take one input, " + CACHED + " "
                    + java.util.Arrays.toString(trunk.shape(CACHED)) + ", and give one output");
        }
        TfliteModelBuilder out = new TfliteModelBuilder(tail.description());
        int[] trunkIndex = trunk.copyInto(out);
        int[] tailIndex = tail.copyInto(out, tailIn[0], trunkIndex[trunk.tensorIndex(CACHED)]);
        return out.inputs(trunkIndex[trunk.tensorIndex(GREY_INPUT)]).outputs(tailIndex[tailOut[0]]).build();
    }
}
