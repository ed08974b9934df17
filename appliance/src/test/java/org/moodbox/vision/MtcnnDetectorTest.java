package org.moodbox.vision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** MTCNN on the real model files in the real TFLite interpreter, on real group photos. */
class MtcnnDetectorTest {
    private static MtcnnDetector detector;
    private static List<Mat> photos;

    @BeforeAll
    static void load() {
        detector = new MtcnnDetector(MtcnnSettings.defaults());
        photos = SamplePhotos.all();
    }

    @AfterAll
    static void close() {
        detector.close();
        photos.forEach(Mat::close);
    }

    @Test
    void findsAtLeast21OfThe22SampleFacesWithoutSpuriousOnes() {
        int found = 0;
        StringBuilder perPhoto = new StringBuilder();
        for (Mat photo : photos) {
            List<DetectedFace> faces = detector.detect(photo);
            perPhoto.append(faces.size()).append(' ');
            found += faces.size();
        }
        System.out.println("MTCNN faces per sample photo: " + perPhoto + "(total " + found + ")");
        assertThat(found).isBetween(21, SamplePhotos.VISIBLE_FACES);
    }

    @Test
    void landmarksLieInsideTheirBoxAndEyesAboveMouth() {
        for (Mat photo : photos) {
            for (DetectedFace face : detector.detect(photo)) {
                BoundingBox b = face.box();
                Landmarks l = face.landmarks();
                assertThat(face.score()).isBetween(0.7f, 1f);
                for (int i = 0; i < 5; i++) {
                    assertThat(l.x()[i]).isBetween(b.x1() - 2, b.x2() + 2);
                    assertThat(l.y()[i]).isBetween(b.y1() - 2, b.y2() + 2);
                }
                assertThat(l.x()[0]).isLessThan(l.x()[1]);
                assertThat(Math.max(l.y()[0], l.y()[1])).isLessThan(Math.min(l.y()[3], l.y()[4]));
            }
        }
    }

    @Test
    void framesSmallerThanOneCellHaveNoFaces() {
        try (Mat tiny = new Mat(8, 8, org.bytedeco.opencv.global.opencv_core.CV_8UC3)) {
            assertThat(detector.detect(tiny)).isEmpty();
        }
    }
}
