package org.moodbox.vision;

import org.moodbox.model.Emotion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.bytedeco.opencv.global.opencv_core.CV_32FC3;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC4;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2BGRA;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

/** Detect, align and classify with the real models; odd frames give a clear result, never an exception. */
class FacePipelineTest {
    private static FacePipeline pipeline;
    private static List<Mat> photos;

    @BeforeAll
    static void load() {
        pipeline = FacePipeline.mtcnnWithCnn();
        photos = SamplePhotos.all();
    }

    @AfterAll
    static void close() {
        pipeline.close();
        photos.forEach(Mat::close);
    }

    @Test
    void readsAnExpressionForEveryFaceInTheSamples() {
        int faces = 0;
        Set<Emotion> seen = EnumSet.noneOf(Emotion.class);
        for (Mat photo : photos) {
            FrameAnalysis analysis = pipeline.analyse(photo);
            assertThat(analysis.problem()).isNull();
            for (FaceReading reading : analysis.faces()) {
                float sum = 0;
                for (float p : reading.emotion().probabilities()) {
                    assertThat(p).isBetween(0f, 1f);
                    sum += p;
                }
                assertThat(sum).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-3f));
                seen.add(reading.emotion().top());
                faces++;
            }
        }
        assertThat(faces).isGreaterThanOrEqualTo(21);
        // The sample photos are mostly smiling groups: the model must see that, and not only that.
        assertThat(seen).contains(Emotion.HAPPY);
        assertThat(seen.size()).isGreaterThan(1);
    }

    @Test
    void greyAndRgbaFramesAreAnalysedLikeColourOnes() {
        Mat photo = photos.get(0);
        int colourFaces = pipeline.analyse(photo).faces().size();
        try (Mat grey = new Mat(); Mat rgba = new Mat()) {
            cvtColor(photo, grey, COLOR_BGR2GRAY);
            cvtColor(photo, rgba, COLOR_BGR2BGRA);
            assertThat(grey.type()).isEqualTo(CV_8UC1);
            assertThat(rgba.type()).isEqualTo(CV_8UC4);
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
        try (Mat black = new Mat(480, 640, CV_8UC3, Scalar.all(0))) {
            FrameAnalysis analysis = pipeline.analyse(black);
            assertThat(analysis.problem()).isNull();
            assertThat(analysis.faces()).isEmpty();
        }
        try (Mat tiny = new Mat(3, 3, CV_8UC3, Scalar.all(128))) {
            assertThat(pipeline.analyse(tiny).faces()).isEmpty();
        }
    }

    @Test
    void hugeFramesAreScaledDownNotRefused() {
        try (Mat huge = new Mat(4000, 6000, CV_8UC3, Scalar.all(90))) {
            FrameAnalysis analysis = pipeline.analyse(huge);
            assertThat(analysis.problem()).isNull();
            assertThat(analysis.faces()).isEmpty();
        }
    }
}
