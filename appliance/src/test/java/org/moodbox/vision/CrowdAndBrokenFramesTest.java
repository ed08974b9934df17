package org.moodbox.vision;

import org.moodbox.bench.BenchFrames;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.moodbox.models.ModelFiles;
import org.moodbox.models.SampleFaces;

/**
 * A crowd in front of the box (more faces than the pipeline reads) and camera frames cut short: a clear
 * result from every detector, never an exception out of the pipeline.
 */
class CrowdAndBrokenFramesTest {
    /** Tiles of the crowd frame: a face with its surroundings, as a person stands in a group. */
    private static final int TILE = 160;

    @ParameterizedTest
    @EnumSource(value = DetectorKind.class, names = {"MTCNN", "BLAZEFACE_FULL"})
    void aCrowdGivesTheTenLargestFacesEachWithAnEmotion(DetectorKind kind) {
        // The 15 largest sample faces in a 5x3 grid, each tile a little smaller than the one before.
        List<SampleFaces.Face> faces = SampleFaces.ALL.stream()
                .sorted(Comparator.comparingInt((SampleFaces.Face f) -> f.width() * f.height()).reversed())
                .limit(15).toList();
        try (BenchFrames frames = new BenchFrames(); Mat crowd = crowd(frames, faces);
             FacePipeline pipeline = FacePipeline.create(kind)) {
            List<DetectedFace> all = detectAll(kind, crowd);
            assertThat(all).as("faces " + kind.id() + " finds in the crowd").hasSizeGreaterThan(10);

            FrameAnalysis analysis = pipeline.analyse(crowd);

            assertThat(analysis.problem()).isNull();
            assertThat(analysis.faces()).hasSize(10);
            float tenthLargest = all.stream().map(d -> d.box().area()).sorted(Comparator.reverseOrder())
                    .toList().get(9);
            for (FaceReading face : analysis.faces()) {
                assertThat(face.face().box().area()).isGreaterThanOrEqualTo(tenthLargest * 0.999f);
                assertThat(face.emotion().probabilities()).hasSize(7);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = DetectorKind.class, names = {"MTCNN", "BLAZEFACE_FULL"})
    void aFrameCutShortIsAClearProblemAndTheNextWholeFrameIsReadAsUsual(DetectorKind kind) {
        byte[] jpeg = ModelFiles.bytes(ModelFiles.samplePhoto(5));
        try (FacePipeline pipeline = FacePipeline.create(kind)) {
            for (int cut : new int[] {200, jpeg.length / 2, jpeg.length - 64}) {
                // OpenCV's decoder gives nothing for a JPEG without its end: a camera's broken MJPEG frame.
                try (Mat broken = decode(Arrays.copyOf(jpeg, cut))) {
                    assertThat(pipeline.analyse(broken).problem()).as("cut at " + cut).isEqualTo("empty frame");
                }
            }
            try (Mat whole = decode(jpeg)) {
                FrameAnalysis analysis = pipeline.analyse(whole);
                assertThat(analysis.problem()).isNull();
                assertThat(analysis.faces()).isNotEmpty();
            }
        }
    }

    private static Mat decode(byte[] bytes) {
        try (BytePointer data = new BytePointer(bytes); Mat encoded = new Mat(1, bytes.length, CV_8UC1, data)) {
            return imdecode(encoded, IMREAD_COLOR);
        }
    }

    private static List<DetectedFace> detectAll(DetectorKind kind, Mat frame) {
        try (FaceDetector detector = kind.create()) {
            return List.copyOf(detector.detect(frame));
        }
    }

    /** An 800x480 frame of face tiles; tile k shows its face (with context) shrunk by 1% per step. */
    private static Mat crowd(BenchFrames frames, List<SampleFaces.Face> faces) {
        Mat crowd = new Mat(3 * TILE, 5 * TILE, CV_8UC3, Scalar.all(120));
        for (int k = 0; k < faces.size(); k++) {
            SampleFaces.Face f = faces.get(k);
            Mat frame = frames.decode(f.photo() - 1);
            int side = (int) (Math.max(f.width(), f.height()) * 1.5);
            int x = Math.max(0, Math.min(frame.cols() - side, f.x() + f.width() / 2 - side / 2));
            int y = Math.max(0, Math.min(frame.rows() - side, f.y() + f.height() / 2 - side / 2));
            side = Math.min(side, Math.min(frame.cols() - x, frame.rows() - y));
            int shown = (int) (TILE * (1 - 0.01 * k));
            try (Mat crop = new Mat(frame, new Rect(x, y, side, side));
                 Mat tile = new Mat(crowd, new Rect((k % 5) * TILE, (k / 5) * TILE, shown, shown))) {
                resize(crop, tile, new Size(shown, shown), 0, 0, INTER_AREA);
            }
        }
        return crowd;
    }
}
