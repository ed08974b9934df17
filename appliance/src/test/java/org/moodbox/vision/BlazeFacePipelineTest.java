package org.moodbox.vision;

import org.moodbox.model.Emotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.bytedeco.opencv.global.opencv_core.CV_32FC3;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2BGRA;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

/** The pipeline built on BlazeFace: faces with expressions, and a clear result for every odd frame. */
class BlazeFacePipelineTest {
    private static FacePipeline pipeline;
    private static List<Mat> photos;

    @BeforeAll
    static void load() {
        pipeline = FacePipeline.create(DetectorKind.BLAZEFACE_FULL);
        photos = SamplePhotos.all();
    }

    @AfterAll
    static void close() {
        pipeline.close();
        photos.forEach(Mat::close);
    }

    @Test
    void readsAnExpressionForEveryFaceInTheSamples() {
        assertThat(pipeline.describe()).isEqualTo("blazeface-full + " + EmotionModelKind.DEFAULT.id());
        int faces = 0;
        for (Mat photo : photos) {
            FrameAnalysis analysis = pipeline.analyse(photo);
            assertThat(analysis.problem()).isNull();
            for (FaceReading reading : analysis.faces()) {
                assertThat(reading.face().landmarks()).isNotNull();
                assertThat(reading.emotion().probabilities()).hasSize(Emotion.values().length);
                faces++;
            }
        }
        assertThat(faces).isGreaterThanOrEqualTo(21);
    }

    @Test
    void greyAndRgbaFramesAreAnalysedLikeColourOnes() {
        Mat photo = photos.get(0);
        int colourFaces = pipeline.analyse(photo).faces().size();
        try (Mat grey = new Mat(); Mat rgba = new Mat()) {
            cvtColor(photo, grey, COLOR_BGR2GRAY);
            cvtColor(photo, rgba, COLOR_BGR2BGRA);
            assertThat(pipeline.analyse(grey).faces()).hasSizeBetween(colourFaces - 1, colourFaces + 1);
            assertThat(pipeline.analyse(rgba).faces()).hasSize(colourFaces);
        }
    }

    @Test
    void oddFramesGiveAClearResult() {
        assertThat(pipeline.analyse(new Mat()).problem()).isEqualTo("empty frame");
        assertThat(pipeline.analyse(null).problem()).isEqualTo("empty frame");
        try (Mat floats = new Mat(100, 100, CV_32FC3)) {
            assertThat(pipeline.analyse(floats).problem()).contains("unsupported pixel format");
        }
        try (Mat grey = new Mat(480, 640, CV_8UC3, Scalar.all(128)); Mat tiny = new Mat(2, 3, CV_8UC3, Scalar.all(128));
             Mat huge = new Mat(4000, 6000, CV_8UC3, Scalar.all(90))) {
            for (Mat frame : List.of(grey, tiny, huge)) {
                FrameAnalysis analysis = pipeline.analyse(frame);
                assertThat(analysis.problem()).isNull();
                assertThat(analysis.faces()).isEmpty();
                assertThat(analysis.width()).isEqualTo(frame.cols());
            }
        }
        // After odd sizes, a camera frame is read as before (the letterbox follows the frame size).
        assertThat(pipeline.analyse(photos.get(0)).faces()).isNotEmpty();
    }

    @Test
    void detectorsAreChosenByNameWithAClearErrorForUnknownOnes() {
        assertThat(DetectorKind.parse("mtcnn")).isEqualTo(DetectorKind.MTCNN);
        assertThat(DetectorKind.parse("BlazeFace-Short")).isEqualTo(DetectorKind.BLAZEFACE_SHORT);
        assertThat(DetectorKind.parse("blazeface-full")).isEqualTo(DetectorKind.BLAZEFACE_FULL);
        assertThatThrownBy(() -> DetectorKind.parse("yolo"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown detector 'yolo'; choose one of mtcnn, mtcnn-int8, blazeface-full, blazeface-short");
    }
}
