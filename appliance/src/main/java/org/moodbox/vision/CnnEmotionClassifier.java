package org.moodbox.vision;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.moodbox.models.ModelFiles;

/**
 * The FER-2013 mini-Xception (Arriaga et al. 2017) converted from TF.js to TFLite at build time, float32 or
 * int8 (the int8 file keeps float input and output, so both are fed and read alike): input [1,64,64,1]
 * grey scaled to [-1, 1], output softmax over the seven FER-2013 classes.
 */
public final class CnnEmotionClassifier implements EmotionClassifier {
    private static final int SIDE = 64;

    private final TfliteModel model;
    private final String name;
    private final byte[] pixels = new byte[SIDE * SIDE];
    private final float[] input = new float[SIDE * SIDE];
    private final float[] probabilities = new float[Emotion.values().length];

    /** The float32 model. */
    public CnnEmotionClassifier() {
        this(ModelFiles.EMOTION_CNN, "cnn");
    }

    CnnEmotionClassifier(String modelFile, String name) {
        this.model = TfliteModel.fromModelFiles(modelFile, 1);
        this.name = name;
    }

    @Override
    public EmotionReading classify(Mat alignedGreyFace) {
        if (alignedGreyFace.cols() != SIDE || alignedGreyFace.rows() != SIDE || alignedGreyFace.channels() != 1) {
            throw new IllegalArgumentException("the emotion CNN takes a 64x64 grey crop");
        }
        alignedGreyFace.data().get(pixels);
        for (int i = 0; i < pixels.length; i++) {
            // The model was trained on grey values in [0,1] shifted to [-1,1] (human-models' emotion.ts).
            input[i] = ((pixels[i] & 0xff) / 255f - 0.5f) * 2f;
        }
        model.input(0).put(input);
        model.invoke();
        FloatPointer out = model.output(0);
        out.get(probabilities);
        return new EmotionReading(probabilities.clone()); // the reading outlives this call; the buffer does not
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
