package org.moodbox.vision;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.moodbox.models.ModelFiles;

/**
 * The FER-2013 mini-Xception (Arriaga et al. 2017) converted from TF.js to TFLite at build time:
 * input [1,64,64,1] grey scaled to [-1, 1], output softmax over the seven FER-2013 classes.
 */
public final class CnnEmotionClassifier implements EmotionClassifier {
    private static final int SIDE = 64;

    private final TfliteModel model;
    private final byte[] pixels = new byte[SIDE * SIDE];
    private final float[] input = new float[SIDE * SIDE];

    public CnnEmotionClassifier() {
        this.model = TfliteModel.fromModelFiles(ModelFiles.EMOTION_CNN, 1);
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
        return "cnn";
    }

    @Override
    public void close() {
        model.close();
    }
}
