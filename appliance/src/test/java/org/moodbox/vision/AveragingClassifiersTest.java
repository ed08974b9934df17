package org.moodbox.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.bytedeco.opencv.global.opencv_core.flip;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Flip averaging and the two-model ensemble on a real face of the sample photos, checked against the shipped
 * models run one view at a time.
 */
class AveragingClassifiersTest {
    private static Mat grey;
    private static DetectedFace face;

    @BeforeAll
    static void findAFace() {
        List<Mat> photos = SamplePhotos.all();
        try (FaceDetector detector = DetectorKind.MTCNN.create()) {
            face = detector.detect(photos.get(0)).get(0);
            grey = new Mat();
            cvtColor(photos.get(0), grey, COLOR_BGR2GRAY);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            photos.forEach(Mat::close);
        }
    }

    @AfterAll
    static void release() {
        grey.close();
    }

    @Test
    void flipAveragingIsTheMeanOfTheFaceAndItsMirrorAndLeavesTheCropAlone() {
        try (EmotionClassifier plain = EmotionModelKind.DCNN_FLOAT.create();
             EmotionClassifier flipped = new FlipAveragedClassifier(EmotionModelKind.DCNN_FLOAT.create());
             FaceAligner aligner = new FaceAligner(48, 1.0);
             Mat mirror = new Mat()) {
            Mat crop = aligner.align(grey, face);
            byte[] before = bytes(crop);
            float[] both = flipped.classify(crop).probabilities();
            assertThat(bytes(crop)).as("the caller's crop is not mirrored in place").isEqualTo(before);

            float[] direct = plain.classify(crop).probabilities();
            flip(crop, mirror, 1);
            float[] mirrored = plain.classify(mirror).probabilities();
            for (int c = 0; c < both.length; c++) {
                assertThat(both[c]).isCloseTo((direct[c] + mirrored[c]) / 2, within(1e-6f));
            }
            assertThat(direct).as("a real face is not symmetric: the mirror must change something")
                    .isNotEqualTo(mirrored);
            assertThat(flipped.name()).isEqualTo("dcnn-float+flip");
            assertThat(flipped.inputSize()).isEqualTo(48);
        }
    }

    @Test
    void theFlipKindIsItsInt8FileFlipAveragedUnderItsOwnName() {
        try (EmotionClassifier kind = EmotionModelKind.DCNN_VOTES_FLIP.create();
             EmotionClassifier byHand = new FlipAveragedClassifier(EmotionModelKind.DCNN_VOTES.create());
             FaceAligner aligner = new FaceAligner(48, 1.0)) {
            assertThat(kind.name()).isEqualTo("dcnn-votes-flip");
            Mat crop = aligner.align(grey, face);
            assertThat(kind.classify(crop).probabilities()).containsExactly(byHand.classify(crop).probabilities());
        }
    }

    @Test
    void theEnsembleCutsTheLargerCropAndAveragesBothModelsOnTheSameFace() {
        try (EmotionClassifier cnn = EmotionModelKind.CNN.create();
             EmotionClassifier dcnn = EmotionModelKind.DCNN_FLOAT.create();
             EmotionClassifier ensemble = new EnsembleClassifier(
                     List.of(EmotionModelKind.DCNN_FLOAT.create(), EmotionModelKind.CNN.create()));
             FaceAligner aligner = new FaceAligner(64, 1.0);
             Mat small = new Mat()) {
            assertThat(ensemble.inputSize()).isEqualTo(64);
            assertThat(ensemble.name()).isEqualTo("dcnn-float+cnn");
            Mat crop = aligner.align(grey, face);
            float[] mean = ensemble.classify(crop).probabilities();

            float[] large = cnn.classify(crop).probabilities();
            resize(crop, small, new Size(48, 48), 0, 0, INTER_AREA);
            float[] shrunk = dcnn.classify(small).probabilities();
            float sum = 0;
            for (int c = 0; c < mean.length; c++) {
                assertThat(mean[c]).isCloseTo((large[c] + shrunk[c]) / 2, within(1e-6f));
                sum += mean[c];
            }
            assertThat(sum).isCloseTo(1f, within(1e-3f));
        }
    }

    @Test
    void anEnsembleOfOneIsRefused() {
        try (EmotionClassifier one = EmotionModelKind.DCNN.create()) {
            assertThatThrownBy(() -> new EnsembleClassifier(List.of(one))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("at least two models");
        }
    }

    private static byte[] bytes(Mat m) {
        byte[] b = new byte[m.rows() * m.cols()];
        m.data().get(b);
        return b;
    }
}
