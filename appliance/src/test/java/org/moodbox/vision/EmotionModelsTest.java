package org.moodbox.vision;

import org.moodbox.model.Emotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;

/**
 * Every emotion model the settings offer, on the faces of the sample photos through the appliance's own
 * detector and aligner: seven probabilities, and each int8 model reads the face as its float original does.
 */
class EmotionModelsTest {
    @Test
    void everyModelReadsTheSampleFacesAndInt8AgreesWithItsFloatOriginal() {
        List<Emotion> cnn = tops(EmotionModelKind.CNN);
        List<Emotion> cnnInt8 = tops(EmotionModelKind.CNN_INT8);
        List<Emotion> dcnn = tops(EmotionModelKind.DCNN);
        List<Emotion> dcnnFloat = tops(EmotionModelKind.DCNN_FLOAT);
        List<Emotion> fnet = tops(EmotionModelKind.FNET);
        List<Emotion> votes = tops(EmotionModelKind.DCNN_VOTES);
        List<Emotion> votesFloat = tops(EmotionModelKind.DCNN_VOTES_FLOAT);
        List<Emotion> compact = tops(EmotionModelKind.COMPACT);
        List<Emotion> compactFloat = tops(EmotionModelKind.COMPACT_FLOAT);

        assertThat(cnn).hasSizeGreaterThanOrEqualTo(21);
        assertThat(agreeing(cnn, cnnInt8)).as("cnn-int8 vs cnn").isGreaterThanOrEqualTo(cnn.size() - 2);
        assertThat(agreeing(dcnnFloat, dcnn)).as("dcnn vs dcnn-float").isGreaterThanOrEqualTo(dcnn.size() - 2);
        // The sample photos are mostly smiling groups: our own model must see that too.
        assertThat(dcnn.stream().filter(e -> e == Emotion.HAPPY).count()).isGreaterThanOrEqualTo(dcnn.size() / 2);
        assertThat(agreeing(votesFloat, votes)).as("dcnn-votes vs dcnn-votes-float")
                .isGreaterThanOrEqualTo(votes.size() - 2);
        assertThat(votes.stream().filter(e -> e == Emotion.HAPPY).count()).isGreaterThanOrEqualTo(votes.size() / 2);
        assertThat(agreeing(compactFloat, compact)).as("compact vs compact-float")
                .isGreaterThanOrEqualTo(compact.size() - 2);
        assertThat(compact.stream().filter(e -> e == Emotion.HAPPY).count()).isGreaterThanOrEqualTo(compact.size() / 2);
        assertThat(fnet).hasSameSizeAs(cnn);
        assertThat(fnet.stream().filter(e -> e == Emotion.HAPPY).count()).isGreaterThanOrEqualTo(fnet.size() / 2);
    }

    @Test
    void aModelFileOfTheWrongShapeIsRefusedWithItsName(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path detector = dir.resolve("not-an-emotion-model.tflite");
        java.nio.file.Files.write(detector, org.moodbox.models.ModelFiles.bytes(org.moodbox.models.ModelFiles.BLAZEFACE_SHORT));
        assertThatThrownBy(() -> GreyFaceEmotionClassifier.fromFile(detector)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not-an-emotion-model.tflite").hasMessageContaining("[1, 128, 128, 3]");
        java.nio.file.Path truncated = dir.resolve("cut-short.tflite");
        byte[] whole = org.moodbox.models.ModelFiles.bytes(org.moodbox.models.ModelFiles.EMOTION_FNET);
        java.nio.file.Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 3));
        assertThatThrownBy(() -> GreyFaceEmotionClassifier.fromFile(truncated)).hasMessageContaining("cut-short.tflite");
    }

    @Test
    void theDcnnTakesItsOwnCropSizeAndRefusesAnyOther() {
        try (EmotionClassifier dcnn = EmotionModelKind.DCNN.create(); Mat wrong = new Mat(64, 64, CV_8UC1)) {
            assertThat(dcnn.inputSize()).isEqualTo(48);
            assertThat(dcnn.name()).isEqualTo("dcnn");
            assertThatThrownBy(() -> dcnn.classify(wrong)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("48x48 grey crop");
        }
    }

    private static List<Emotion> tops(EmotionModelKind model) {
        List<Emotion> tops = new ArrayList<>();
        List<Mat> photos = SamplePhotos.all();
        try (FacePipeline pipeline = FacePipeline.create(DetectorKind.MTCNN, model)) {
            for (Mat photo : photos) {
                for (FaceReading reading : pipeline.analyse(photo).faces()) {
                    float sum = 0;
                    for (float p : reading.emotion().probabilities()) {
                        sum += p;
                    }
                    assertThat(sum).as(model + " probabilities").isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-3f));
                    tops.add(reading.emotion().top());
                }
            }
        } finally {
            photos.forEach(Mat::close);
        }
        return tops;
    }

    private static int agreeing(List<Emotion> a, List<Emotion> b) {
        assertThat(b).hasSameSizeAs(a);
        int same = 0;
        for (int i = 0; i < a.size(); i++) {
            same += a.get(i) == b.get(i) ? 1 : 0;
        }
        return same;
    }
}
