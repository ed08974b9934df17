package org.moodbox.vision;

import org.moodbox.bench.BenchFrames;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.moodbox.models.SampleFaces;

/**
 * MTCNN on our int8 P/R/O-Nets against the float nets, both on the 640x480 bench frames of the photos the int8
 * nets were not calibrated on ({@link SampleFaces#HELD_OUT_PHOTOS}), boxes matched to the hand-checked reference
 * faces by IoU: where both find a face their boxes must agree closely, and int8 must add no face that is not
 * there.
 */
class MtcnnInt8Test {
    private static final double MATCH_IOU = 0.4;

    @Test
    void int8FindsTheSameReferenceFacesAsFloatOnFramesItWasNotCalibratedOn() {
        List<int[]> floatMatches;
        List<int[]> int8Matches;
        List<List<DetectedFace>> floatFaces = new ArrayList<>();
        List<List<DetectedFace>> int8Faces = new ArrayList<>();
        try (BenchFrames frames = new BenchFrames();
             MtcnnDetector f = new MtcnnDetector(MtcnnSettings.defaults(), MtcnnNets.FLOAT);
             MtcnnDetector q = new MtcnnDetector(MtcnnSettings.defaults(), MtcnnNets.INT8)) {
            for (int i = 0; i < frames.count(); i++) {
                floatFaces.add(f.detect(frames.decode(i)));
                int8Faces.add(q.detect(frames.decode(i)));
            }
        }
        int floatFound = 0;
        int int8Found = 0;
        int both = 0;
        double worstAgreement = 1;
        for (int photo : SampleFaces.HELD_OUT_PHOTOS) {
            for (SampleFaces.Face face : SampleFaces.inPhoto(photo)) {
                DetectedFace a = best(face, floatFaces.get(photo - 1));
                DetectedFace b = best(face, int8Faces.get(photo - 1));
                floatFound += a != null ? 1 : 0;
                int8Found += b != null ? 1 : 0;
                if (a != null && b != null) {
                    both++;
                    worstAgreement = Math.min(worstAgreement, a.box().overlap(b.box(), false));
                }
            }
        }
        int spurious = SampleFaces.HELD_OUT_PHOTOS.stream().mapToInt(p -> int8Faces.get(p - 1).size()).sum() - int8Found;
        int reference = SampleFaces.heldOutFaces().size();
        System.out.printf("MTCNN held-out reference faces matched (IoU >= %.1f): float %d/%d, int8 %d/%d, both %d;"
                + " worst float-int8 box IoU %.2f; int8 boxes matching no reference face: %d%n",
                MATCH_IOU, floatFound, reference, int8Found, reference, both, worstAgreement, spurious);
        // Float misses one held-out face (photo 2's tilted profile). The line is held where it is measured, so a
        // quantizer change that loses more fails here.
        assertThat(floatFound).isGreaterThanOrEqualTo(reference - 1);
        assertThat(int8Found).isGreaterThanOrEqualTo(floatFound - 1);
        assertThat(worstAgreement).isGreaterThan(0.7);
        assertThat(spurious).isZero();
    }

    private static DetectedFace best(SampleFaces.Face face, List<DetectedFace> found) {
        DetectedFace best = null;
        double bestIou = MATCH_IOU;
        for (DetectedFace d : found) {
            BoundingBox b = d.box();
            double iou = face.iou(b.x1(), b.y1(), b.x2(), b.y2());
            if (iou >= bestIou) {
                best = d;
                bestIou = iou;
            }
        }
        return best;
    }
}
