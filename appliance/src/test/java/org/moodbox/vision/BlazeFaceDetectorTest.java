package org.moodbox.vision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.copyMakeBorder;
import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;

/** BlazeFace short and full range on the real model files, on the face-api group photos, against MTCNN. */
class BlazeFaceDetectorTest {
    private static BlazeFaceDetector full;
    private static BlazeFaceDetector shortRange;
    private static List<Mat> photos;
    private static List<List<DetectedFace>> mtcnnFaces;

    @BeforeAll
    static void load() {
        photos = SamplePhotos.all();
        try (MtcnnDetector mtcnn = new MtcnnDetector(MtcnnSettings.defaults())) {
            mtcnnFaces = new ArrayList<>();
            for (Mat photo : photos) {
                mtcnnFaces.add(mtcnn.detect(photo));
            }
        }
        full = new BlazeFaceDetector(BlazeFaceRange.FULL);
        shortRange = new BlazeFaceDetector(BlazeFaceRange.SHORT);
    }

    @AfterAll
    static void close() {
        full.close();
        shortRange.close();
        photos.forEach(Mat::close);
    }

    @Test
    void fullRangeFindsAtLeast21OfThe22FacesWhereMtcnnFindsThem() {
        int found = countAndCompare("full range", full, 0.4f, 1);
        // Measured 22: it also finds the profile MTCNN misses.
        assertThat(found).isBetween(21, SamplePhotos.VISIBLE_FACES);
    }

    @Test
    void shortRangeFindsTheNearerFaces() {
        int found = countAndCompare("short range", shortRange, 0.3f, 1);
        // Measured 16 (FINDINGS: 15): the far faces of the group photos are beyond its range.
        assertThat(found).isBetween(14, SamplePhotos.VISIBLE_FACES);
    }

    /**
     * Detects on every photo, printing the counts; every face MTCNN also found (its centre lies in the
     * box) must overlap it by IoU over {@code minIou}. Faces MTCNN missed are allowed up to {@code unmatchedAllowed}.
     */
    private static int countAndCompare(String label, BlazeFaceDetector detector, float minIou, int unmatchedAllowed) {
        int found = 0;
        int unmatched = 0;
        StringBuilder perPhoto = new StringBuilder();
        StringBuilder overlaps = new StringBuilder();
        for (int p = 0; p < photos.size(); p++) {
            List<DetectedFace> faces = detector.detect(photos.get(p));
            perPhoto.append(faces.size()).append(' ');
            found += faces.size();
            for (DetectedFace face : faces) {
                DetectedFace twin = mtcnnTwin(face.box(), mtcnnFaces.get(p));
                if (twin == null) {
                    unmatched++;
                    overlaps.append(String.format("p%d:none ", p + 1));
                    continue;
                }
                float iou = face.box().overlap(twin.box(), false);
                overlaps.append(String.format("p%d:%.2f ", p + 1, iou));
                assertThat(iou).as("%s photo %d face %s against MTCNN %s", label, p + 1, face.box(), twin.box())
                        .isGreaterThan(minIou);
            }
        }
        System.out.println("BlazeFace " + label + " faces per sample photo: " + perPhoto + "(total " + found
                + "); IoU with MTCNN: " + overlaps);
        assertThat(unmatched).as("faces MTCNN did not find").isLessThanOrEqualTo(unmatchedAllowed);
        return found;
    }

    /** The MTCNN face whose centre lies inside {@code box}, nearest to its centre. */
    private static DetectedFace mtcnnTwin(BoundingBox box, List<DetectedFace> mtcnn) {
        DetectedFace best = null;
        double bestDistance = Double.MAX_VALUE;
        for (DetectedFace m : mtcnn) {
            BoundingBox b = m.box();
            if (b.centerX() < box.x1() || b.centerX() > box.x2() || b.centerY() < box.y1() || b.centerY() > box.y2()) {
                continue;
            }
            double d = Math.hypot(b.centerX() - box.centerX(), b.centerY() - box.centerY());
            if (d < bestDistance) {
                bestDistance = d;
                best = m;
            }
        }
        return best;
    }

    @Test
    void eyesLieInsideTheBoxLeftOfEachOtherAndAboveTheMouth() {
        for (BlazeFaceDetector detector : List.of(full, shortRange)) {
            for (Mat photo : photos) {
                for (DetectedFace face : detector.detect(photo)) {
                    BoundingBox b = face.box();
                    Landmarks l = face.landmarks();
                    assertThat(face.score()).isBetween(0.5f, 1f);
                    for (int eye = 0; eye < 2; eye++) {
                        assertThat(l.x()[eye]).isBetween(b.x1(), b.x2());
                        assertThat(l.y()[eye]).isBetween(b.y1(), b.y2());
                    }
                    assertThat(l.x()[0]).isLessThan(l.x()[1]);
                    assertThat(Math.max(l.y()[0], l.y()[1])).isLessThan(l.y()[3]);
                    // One mouth point from BlazeFace, given as both corners.
                    assertThat(l.x()[3]).isEqualTo(l.x()[4]);
                }
            }
        }
    }

    @Test
    void letterboxingMapsBoxesBackToTheFrameExactly() {
        // The same photo with a black band added on the right: faces must stay where they are.
        Mat photo = photos.get(0);
        try (Mat wider = new Mat()) {
            copyMakeBorder(photo, wider, 0, 0, 0, photo.cols() / 2, BORDER_CONSTANT, Scalar.all(0));
            List<DetectedFace> before = full.detect(photo);
            List<DetectedFace> after = full.detect(wider);
            assertThat(after).isNotEmpty();
            for (DetectedFace face : after) {
                assertThat(bestOverlap(face.box(), before)).isGreaterThan(0.6f);
            }
        }
    }

    @Test
    void blankAndTinyFramesHaveNoFaces() {
        try (Mat black = new Mat(480, 640, CV_8UC3, Scalar.all(0)); Mat tiny = new Mat(1, 1, CV_8UC3, Scalar.all(50));
             Mat line = new Mat(1, 900, CV_8UC3, Scalar.all(200))) {
            assertThat(full.detect(black)).isEmpty();
            assertThat(full.detect(tiny)).isEmpty();
            assertThat(shortRange.detect(line)).isEmpty();
        }
    }

    static float bestOverlap(BoundingBox box, List<DetectedFace> others) {
        float best = 0;
        for (DetectedFace other : others) {
            best = Math.max(best, box.overlap(other.box(), false));
        }
        return best;
    }
}
