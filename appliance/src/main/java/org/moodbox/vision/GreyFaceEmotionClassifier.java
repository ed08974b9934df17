package org.moodbox.vision;

import org.moodbox.model.Emotion;

import java.nio.file.Path;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * An emotion model that takes one square grey face crop and gives the seven FER-2013 probabilities: the
 * mini-Xception (Arriaga et al. 2017, [1,64,64,1]) and our DCNN (models lab, [1,48,48,1], FER-2013's own
 * resolution so a face is never upsampled), float32 or int8 (the int8 files keep float input and output, so
 * all are fed and read alike). Both were trained on grey values in [0,1] shifted to [-1,1] (human-models'
 * emotion.ts; the lab's Preprocessing.scale). The crop side comes from the model, so the aligner cuts
 * exactly what it takes.
 */
public final class GreyFaceEmotionClassifier implements EmotionClassifier {
    private final TfliteModel model;
    private final String name;
    private final int side;
    private final byte[] pixels;
    private final float[] input;
    private final float[] probabilities = new float[Emotion.values().length];

    /** A model of the moodbox-models jar, as {@link EmotionModelKind#create()} makes it. */
    static GreyFaceEmotionClassifier shipped(String modelFile, String name) {
        return new GreyFaceEmotionClassifier(TfliteModel.fromModelFiles(modelFile, 1), name, modelFile);
    }

    /** A model exported by the lab but not shipped yet, e.g. for {@code moodbox eval emotion --model-file}. */
    public static GreyFaceEmotionClassifier fromFile(Path file) {
        return new GreyFaceEmotionClassifier(TfliteModel.fromFile(file, 1), "file:" + file.getFileName(), file.toString());
    }

    /** @param source the model file, named in the error when its shape is not an emotion model's */
    private GreyFaceEmotionClassifier(TfliteModel model, String name, String source) {
        this.model = model;
        this.name = name;
        int[] shape = model.inputShape(0);
        if (shape.length != 4 || shape[0] != 1 || shape[1] != shape[2] || shape[3] != 1 || shape[1] < 8) {
            model.close();
            throw new IllegalArgumentException("emotion model " + name + " (" + source + "): an emotion model takes one square grey face"
                    + " [1,side,side,1]; this model takes " + java.util.Arrays.toString(shape));
        }
        int[] out = model.outputShape(0);
        if (out.length != 2 || out[1] != Emotion.values().length) {
            model.close();
            throw new IllegalArgumentException("emotion model " + name + " (" + source + "): an emotion model gives "
                    + Emotion.values().length + " probabilities; this model gives " + java.util.Arrays.toString(out));
        }
        this.side = shape[1];
        this.pixels = new byte[side * side];
        this.input = new float[side * side];
    }

    @Override
    public EmotionReading classify(Mat alignedGreyFace) {
        if (alignedGreyFace.cols() != side || alignedGreyFace.rows() != side || alignedGreyFace.channels() != 1) {
            throw new IllegalArgumentException("the emotion model " + name + " takes a " + side + "x" + side
                    + " grey crop");
        }
        alignedGreyFace.data().get(pixels);
        for (int i = 0; i < pixels.length; i++) {
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
        return side;
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
