package org.moodbox.vision;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * Averages the distributions of several emotion models on the same face. The aligner cuts one crop at the
 * largest input any member takes; smaller members get it shrunk (area averaging, as a camera's own scaling
 * would), so every member sees the same framing. Measured with {@code moodbox eval emotion --ensemble-with}.
 */
public final class EnsembleClassifier implements EmotionClassifier {
    private final List<EmotionClassifier> members;
    private final int side;
    private final Mat shrunk = new Mat();

    /** Takes ownership of the members: closing the ensemble closes them. */
    public EnsembleClassifier(List<EmotionClassifier> members) {
        if (members.size() < 2) {
            throw new IllegalArgumentException("an ensemble needs at least two models, got " + members.size());
        }
        this.members = List.copyOf(members);
        this.side = members.stream().mapToInt(EmotionClassifier::inputSize).max().orElseThrow();
    }

    @Override
    public EmotionReading classify(Mat alignedGreyFace) {
        float[] sum = null;
        for (EmotionClassifier member : members) {
            Mat crop = alignedGreyFace;
            if (member.inputSize() != alignedGreyFace.cols()) {
                resize(alignedGreyFace, shrunk, new Size(member.inputSize(), member.inputSize()), 0, 0, INTER_AREA);
                crop = shrunk;
            }
            float[] p = member.classify(crop).probabilities();
            if (sum == null) {
                sum = p.clone();
            } else {
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += p[i];
                }
            }
        }
        for (int i = 0; i < sum.length; i++) {
            sum[i] /= members.size();
        }
        return new EmotionReading(sum);
    }

    @Override
    public int inputSize() {
        return side;
    }

    @Override
    public String name() {
        return String.join("+", members.stream().map(EmotionClassifier::name).toList());
    }

    @Override
    public void close() {
        shrunk.close();
        members.forEach(EmotionClassifier::close);
    }
}
