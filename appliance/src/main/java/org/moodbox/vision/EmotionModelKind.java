package org.moodbox.vision;

import org.moodbox.model.EnumNames;
import java.util.Arrays;
import java.util.Optional;
import org.moodbox.models.ModelFiles;

/**
 * The emotion models a pipeline can classify with, by the names the CLI and settings use. Every one takes
 * an aligned grey face crop and gives the seven FER-2013 probabilities; they differ in cost and accuracy
 * (models/trained/emotion-fnet.md holds the staged table of all of them on the FER-2013 private test).
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
     * 65.5% on the FER-2013 private test (the mini-Xception 66.5%), 69.3% on the standard FER+ test (66.4%), 2.6 ms
     * a face; it picks its float original's emotion on 98.5% of the faces.
     */
    DCNN("dcnn", ModelFiles.EMOTION_DCNN),
    /** The same DCNN in float32, as exported before quantization: the yardstick for the int8 one. */
    DCNN_FLOAT("dcnn-float", ModelFiles.EMOTION_DCNN_FLOAT),
    /**
     * The same DCNN retrained on the FER+ vote distributions (what ten people saw in each face instead of one
     * label; models/trained/emotion-dcnn-votes.md), int8 with its first convolution and logits kept float,
     * calibrated probabilities: 80.5% on the standard FER+ test of the FER-2013 private test, macro-F1 0.670; it
     * picks its float original's emotion on 99.2% of the faces.
     */
    DCNN_VOTES("dcnn-votes", ModelFiles.EMOTION_DCNN_VOTES),
    /** Its float32 original, the int8 file's yardstick (80.4%, macro-F1 0.670). */
    DCNN_VOTES_FLOAT("dcnn-votes-float", ModelFiles.EMOTION_DCNN_VOTES_FLOAT),
    /**
     * {@link #DCNN_VOTES} on each face and on its mirror image, the two averaged (test-time flip averaging): two
     * int8 inferences a face for 81.1% and macro-F1 0.678 on the standard FER+ test, 0.6 points above one view.
     */
    DCNN_VOTES_FLIP("dcnn-votes-flip", ModelFiles.EMOTION_DCNN_VOTES, true),
    /**
     * Moodbox's compact net (models/trained/emotion-compact.md): separable convolutions, 169k parameters and 38M
     * multiply-adds, trained long on the FER+ votes in a resumable run (models/runs/), int8 with channel ranges
     * equalized and its first convolution and logits kept float, calibrated probabilities, and the default
     * ({@link #DEFAULT}): 83.8% on the standard FER+ test, macro-F1 0.727, 1.5 ms a face. The shipped file is a
     * checkpoint of a run still in training (epoch 50 of 100 of run compact-b, the class-weighted one); it picks
     * its float original's class on 99.28% of PublicTest and 99.14% of PrivateTest faces.
     */
    COMPACT("compact", ModelFiles.EMOTION_COMPACT),
    /** Its float32 original, the int8 file's yardstick: 83.8%, macro-F1 0.733, 2.3 ms a face. */
    COMPACT_FLOAT("compact-float", ModelFiles.EMOTION_COMPACT_FLOAT),
    /**
     * Moodbox's face-pretrained network (models/trained/emotion-fnet.md): MobileFaceNet's face-recognition
     * trunk with a tail and head fine-tuned by the models lab on the FER+ votes, float32 (its int8 version
     * agrees on only 88.6% of faces), calibrated probabilities. 68.3% on the standard FER+ test but it misses
     * disgust and fear. Takes the same 48x48 grey crop as the DCNN and resizes it inside the network.
     */
    FNET("fnet", ModelFiles.EMOTION_FNET);

    /**
     * Chosen by the README's rule ("Which emotion model is the default"): among the models within the speed
     * budget (and, for int8 files, agreeing with their float original on >= 99% of the FER-2013 private test),
     * the highest accuracy on the standard FER+ test ({@code eval emotion --labels ferplus}, Microsoft's majority
     * rule) whose macro-F1 there is within 0.02 of the best. Our compact net in int8: 83.8% and 0.727, 1.5 ms a
     * face, and the only pipeline 5x faster than Human (its float original: 83.8% and 0.733, 2.3 ms; the DCNN on
     * the votes, int8, flip-averaged: 81.1% and 0.678, 4.6 ms).
     */
    public static final EmotionModelKind DEFAULT = COMPACT;

    private final String id;
    private final String modelFile;
    private final boolean flipAveraged;

    EmotionModelKind(String id, String modelFile) {
        this(id, modelFile, false);
    }

    /** @param flipAveraged classify each face and its mirror image and average the two (two inferences a face) */
    EmotionModelKind(String id, String modelFile, boolean flipAveraged) {
        this.id = id;
        this.modelFile = modelFile;
        this.flipAveraged = flipAveraged;
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
        return EnumNames.parse(EmotionModelKind.class, EmotionModelKind::id, name, "emotion model");
    }

    /** The kind whose id is exactly {@code id}: the settings file stores ids as written. */
    public static Optional<EmotionModelKind> byId(String id) {
        return Arrays.stream(values()).filter(kind -> kind.id.equals(id)).findFirst();
    }

    public static String names() {
        return EnumNames.list(EmotionModelKind.class, EmotionModelKind::id);
    }

    /** A new classifier of this kind; the caller owns (and closes) it. */
    public EmotionClassifier create() {
        EmotionClassifier one = GreyFaceEmotionClassifier.shipped(modelFile, id);
        return flipAveraged ? new FlipAveragedClassifier(one, id) : one;
    }

    @Override
    public String toString() {
        return id;
    }
}
