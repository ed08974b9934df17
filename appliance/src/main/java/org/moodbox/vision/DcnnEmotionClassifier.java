package org.moodbox.vision;

import java.nio.file.Path;
import java.util.Arrays;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.moodbox.models.ModelFiles;

/**
 * Moodbox's own DCNN, trained on FER-2013 by the models lab (models/lab, models/trained/*.md): input
 * [1,48,48,1] grey scaled to [-1, 1] exactly as the lab trained it (FER-2013's own resolution, so a face
 * is never upsampled), output softmax over the seven FER-2013 classes.
 */
public final class DcnnEmotionClassifier implements EmotionClassifier {
    private static final int SIDE = 48;

    private final TfliteModel model;
    private final String name;
    private final byte[] pixels = new byte[SIDE * SIDE];
    private final float[] input = new float[SIDE * SIDE];

    /** The DCNN the moodbox-models jar carries ({@link ModelFiles#EMOTION_DCNN}). */
    public DcnnEmotionClassifier() {
        this(TfliteModel.fromModelFiles(shipped(), 1), "dcnn");
    }

    private static String shipped() {
        if (!ModelFiles.has(ModelFiles.EMOTION_DCNN)) {
            throw new IllegalStateException("this build carries no trained DCNN yet (models/trained/"
                    + ModelFiles.EMOTION_DCNN + "); use the cnn, or a lab export with --model-file");
        }
        return ModelFiles.EMOTION_DCNN;
    }

    /** A DCNN exported by the lab but not shipped yet, e.g. for {@code moodbox eval emotion --model-file}. */
    public static DcnnEmotionClassifier fromFile(Path file) {
        return new DcnnEmotionClassifier(TfliteModel.fromFile(file, 1), "dcnn:" + file.getFileName());
    }

    private DcnnEmotionClassifier(TfliteModel model, String name) {
        this.model = model;
        this.name = name;
        int[] shape = model.inputShape(0);
        if (!Arrays.equals(shape, new int[] {1, SIDE, SIDE, 1})) {
            model.close();
            throw new IllegalArgumentException("a DCNN takes [1,48,48,1] grey input; this model takes "
                    + Arrays.toString(shape));
        }
    }

    @Override
    public EmotionReading classify(Mat alignedGreyFace) {
        if (alignedGreyFace.cols() != SIDE || alignedGreyFace.rows() != SIDE || alignedGreyFace.channels() != 1) {
            throw new IllegalArgumentException("the emotion DCNN takes a 48x48 grey crop");
        }
        alignedGreyFace.data().get(pixels);
        for (int i = 0; i < pixels.length; i++) {
            input[i] = ((pixels[i] & 0xff) / 255f - 0.5f) * 2f; // the lab's Preprocessing.scale
        }
        model.input(0).put(input);
        model.invoke();
        float[] probabilities = new float[Emotion.values().length];
        FloatPointer out = model.output(0);
        out.get(probabilities);
        return new EmotionReading(probabilities);
    }

    @Override
    public int inputSize() {
        return SIDE;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void close() {
        model.close();
    }
}
