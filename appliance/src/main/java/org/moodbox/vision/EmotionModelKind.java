package org.moodbox.vision;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.moodbox.models.ModelFiles;

/**
 * The emotion models a pipeline can classify with, by the names the CLI and settings use. Every one takes
 * an aligned grey face crop and gives the seven FER-2013 probabilities; they differ in cost and accuracy
 * (models/trained/emotion-dcnn.md holds the table of all four on the FER-2013 private test).
 */
public enum EmotionModelKind {
    /** The FER-2013 mini-Xception, float32 (about 66% on the FER-2013 private test). */
    CNN("cnn", ModelFiles.EMOTION_CNN),
    /**
     * The same network quantized to int8 by our own quantizer at build time: about twice as fast, but it picks
     * the float model's emotion on 97% of FER-2013 private-test faces, short of the 99% asked for
     * ({@code moodbox bench emotion} prints the figure), so it is not the default.
     */
    CNN_INT8("cnn-int8", ModelFiles.EMOTION_CNN_INT8),
    /**
     * Moodbox's own DCNN from the models lab, int8 as shipped (per-channel weights, calibrated activations):
     * 65.5% on the FER-2013 private test (the mini-Xception 66.5%), 65.5% on its FER+ majority (62.7%), 2.6 ms
     * a face; it picks its float original's emotion on 98.5% of the faces.
     */
    DCNN("dcnn", ModelFiles.EMOTION_DCNN),
    /** The same DCNN in float32, as exported before quantization: the yardstick for the int8 one. */
    DCNN_FLOAT("dcnn-float", ModelFiles.EMOTION_DCNN_FLOAT),
    /**
     * Moodbox's face-pretrained network (models/trained/emotion-fnet.md): MobileFaceNet's face-recognition
     * trunk with a tail and head fine-tuned by the models lab on the FER+ votes, float32 (its int8 version
     * agrees on only 88.6% of faces), calibrated probabilities. 66.1% FER+ majority but it misses disgust and
     * fear. Takes the same 48x48 grey crop as the DCNN and resizes it inside the network.
     */
    FNET("fnet", ModelFiles.EMOTION_FNET);

    /**
     * Chosen by the README's rule ("Which emotion model is the default"): among the models within the speed
     * budget (and, for int8 files, agreeing with their float original on >= 99% of the FER-2013 private test),
     * the highest FER+ majority accuracy whose FER+ macro-F1 is within 0.02 of the best. Our float DCNN: 65.8%
     * and 0.557 (the mini-Xception 62.7% and 0.548; fnet 66.1% but 0.44).
     */
    public static final EmotionModelKind DEFAULT = DCNN_FLOAT;

    private final String id;
    private final String modelFile;

    EmotionModelKind(String id, String modelFile) {
        this.id = id;
        this.modelFile = modelFile;
    }

    public String id() {
        return id;
    }

    /** The model's file in the moodbox-models jar. */
    public String modelFile() {
        return modelFile;
    }

    /** The kind named {@code name} (case-insensitive), or an error that lists the names there are. */
    public static EmotionModelKind parse(String name) {
        String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return byId(wanted).orElseThrow(() -> new IllegalArgumentException("unknown emotion model '" + name
                + "'; choose one of " + names()));
    }

    /** The kind whose id is exactly {@code id}: the settings file stores ids as written. */
    public static Optional<EmotionModelKind> byId(String id) {
        return Arrays.stream(values()).filter(kind -> kind.id.equals(id)).findFirst();
    }

    public static String names() {
        return Arrays.stream(values()).map(EmotionModelKind::id).collect(Collectors.joining(", "));
    }

    /** A new classifier of this kind; the caller owns (and closes) it. */
    public EmotionClassifier create() {
        return GreyFaceEmotionClassifier.shipped(modelFile, id);
    }

    @Override
    public String toString() {
        return id;
    }
}
