package org.moodbox.vision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.moodbox.bench.MovingFaceClip;
import org.moodbox.bench.MovingFaceClip.Pose;
import org.moodbox.bench.MovingFaceClip.Script;
import org.moodbox.bench.MovingFaceClip.TruthFace;
import org.moodbox.bench.MovingFaceClip.Waypoint;
import org.moodbox.bench.Scoring;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

/**
 * The tracked pipeline on clips built from the sample photos, judged against the boxes known from their
 * construction, never against timings: a face keeps its track id across pans and zooms, a face that leaves and
 * comes back is found within half a second and is the same person again, a cut is detected on its first frame,
 * and two faces that cross keep their ids. Each clip is short (a few seconds at 15 fps); BlazeFace full range with
 * the small int8 emotion model keeps the class quick.
 */
class FaceTrackingTest {
    private static final int FPS = 15;
    /** Frames a face may wait to be found once it is in view: half a second. */
    private static final int NEW_FACE_FRAMES = FPS / 2;
    /** One frame's faces as the tracked pipeline reported them, and the truth. */
    private record Frame(List<FaceReading> faces, List<TruthFace> truth, int[] match, boolean keyframe) {
        /** The track id carried by true face {@code identity} in this frame, or 0 when it was not found. */
        int trackOf(int identity) {
            for (int t = 0; t < truth.size(); t++) {
                if (truth.get(t).identity() == identity && match[t] >= 0) {
                    return faces.get(match[t]).trackId();
                }
            }
            return 0;
        }

        boolean visible(int identity) {
            return truth.stream().anyMatch(t -> t.identity() == identity && t.visible());
        }
    }

    private static List<Frame> track(Script script) {
        try (MovingFaceClip moving = new MovingFaceClip(script);
             FacePipeline pipeline = FacePipeline.create(DetectorKind.BLAZEFACE_FULL, EmotionModelKind.CNN_INT8,
                     FrameMode.TRACKED)) {
            List<Frame> frames = new ArrayList<>();
            for (int i = 0; i < moving.frames(); i++) {
                long before = pipeline.counts().detections();
                List<FaceReading> faces = pipeline.analyse(moving.render(i), moving.nanos(i)).faces();
                frames.add(frame(faces, moving.truth(i), pipeline.counts().detections() > before));
            }
            return frames;
        }
    }

    private static Frame frame(List<FaceReading> faces, List<TruthFace> truth, boolean keyframe) {
        int[] match = Scoring.match(truth, faces.stream().map(f -> f.face().box()).toList());
        return new Frame(faces, truth, match, keyframe);
    }

    private static Waypoint at(double seconds, int photo, double zoom, double cx, double cy) {
        return new Waypoint(seconds, new Pose(photo, zoom, cx, cy, 0, 1));
    }

    /** Photo 3's three faces (identities 6, 7, 8 in SampleFaces): held, panned, zoomed in, panned back. */
    @Test
    void eachFaceKeepsOneTrackIdAcrossPansAndZooms() {
        List<Frame> frames = track(new Script(FPS, 6, List.of(at(0, 3, 1.2, 350, 170), at(1, 3, 1.2, 350, 170),
                at(3, 3, 1.2, 300, 180), at(4.5, 3, 1.5, 340, 170), at(6, 3, 1.5, 360, 165))));
        for (int identity : List.of(6, 7, 8)) {
            Set<Integer> ids = new HashSet<>();
            int visible = 0;
            int found = 0;
            for (Frame f : frames) {
                if (f.visible(identity)) {
                    visible++;
                    int id = f.trackOf(identity);
                    if (id != 0) {
                        found++;
                        ids.add(id);
                    }
                }
            }
            assertThat(ids).as("track ids of face " + identity).hasSize(1);
            assertThat(found).as("frames face " + identity + " was found in").isGreaterThanOrEqualTo(visible * 95 / 100);
        }
        long keyframes = frames.stream().filter(Frame::keyframe).count();
        assertThat(keyframes).as("the detector ran on keyframes only").isLessThanOrEqualTo(frames.size() / 4);
        assertThat(keyframes).as("at least every half second").isGreaterThanOrEqualTo(frames.size() / NEW_FACE_FRAMES - 1);
    }

    /**
     * Face 6 (the left one of photo 3) leaves the picture as the camera pans right, stays out for a second, and
     * comes back: it is found within half a second of being in view again, with the track id it had before it left,
     * while the other two keep theirs throughout.
     */
    @Test
    void aFaceThatLeavesAndComesBackIsFoundInTimeAsTheSamePerson() {
        List<Frame> frames = track(new Script(FPS, 6, List.of(at(0, 3, 1.7, 330, 160), at(1, 3, 1.7, 330, 160),
                at(2.2, 3, 1.7, 480, 160), at(3.2, 3, 1.7, 480, 160), at(4.5, 3, 1.7, 330, 160),
                at(6, 3, 1.7, 330, 160))));
        int before = frames.get(0).trackOf(6);
        assertThat(before).isPositive();
        int left = firstFrame(frames, 0, f -> !f.visible(6));
        assertThat(left).as("face 6 leaves the picture").isPositive();
        int back = firstFrame(frames, left, f -> f.visible(6));
        assertThat(back).as("and comes back").isPositive();
        int found = firstFrame(frames, back, f -> f.trackOf(6) != 0);
        assertThat(found - back).as("frames until it is found again").isLessThanOrEqualTo(NEW_FACE_FRAMES);
        assertThat(frames.get(found).trackOf(6)).as("the same person as before it left").isEqualTo(before);
        for (int identity : List.of(7, 8)) {
            Set<Integer> ids = new HashSet<>();
            frames.stream().map(f -> f.trackOf(identity)).filter(id -> id != 0).forEach(ids::add);
            assertThat(ids).as("track ids of face " + identity).hasSize(1);
        }
    }

    /** A cut from photo 3 to photo 6: the detector runs on the cut's own frame and finds the new faces there. */
    @Test
    void aCutIsDetectedOnItsFirstFrame() {
        List<Frame> frames = track(new Script(FPS, 3, List.of(at(0, 3, 1.25, 350, 165), at(1.4, 3, 1.25, 350, 165),
                at(1.4, 6, 1.2, 320, 190), at(3, 6, 1.2, 320, 190))));
        int cut = firstFrame(frames, 0, f -> f.truth().get(0).identity() >= 18);
        Frame first = frames.get(cut);
        assertThat(first.keyframe()).as("a keyframe on the cut").isTrue();
        Set<Integer> before = new HashSet<>();
        frames.subList(0, cut).forEach(f -> f.faces().forEach(face -> before.add(face.trackId())));
        for (int identity : List.of(18, 19, 20, 21)) {
            assertThat(first.trackOf(identity)).as("face " + identity + " on the cut's frame").isPositive()
                    .isNotIn(before);
        }
    }

    /**
     * Two faces cut from the photos slide past each other on a plain background, one a little higher, their boxes
     * overlapping as they cross: each keeps its own track id, on the side it ends up on.
     */
    @Test
    void twoFacesThatCrossKeepTheirIds() {
        Patch a = Patch.of(7, new Pose(3, 1.4, 380, 135, 0, 1));
        Patch b = Patch.of(20, new Pose(6, 1.4, 414, 145, 0, 1));
        int frames = 3 * FPS;
        Map<String, Set<Integer>> ids = new HashMap<>();
        try (FacePipeline pipeline = FacePipeline.create(DetectorKind.BLAZEFACE_FULL, EmotionModelKind.CNN_INT8,
                FrameMode.TRACKED); Mat canvas = new Mat(MovingFaceClip.HEIGHT, MovingFaceClip.WIDTH, CV_8UC3)) {
            for (int i = 0; i < frames; i++) {
                double u = i / (double) (frames - 1);
                int ax = (int) Math.round(60 + u * 380);
                int bx = (int) Math.round(440 - u * 380);
                canvas.put(Scalar.all(110));
                List<TruthFace> truth = List.of(a.drawAt(canvas, ax, 110), b.drawAt(canvas, bx, 250));
                List<FaceReading> faces = pipeline.analyse(canvas, Math.round(i * 1e9 / FPS)).faces();
                Frame f = frame(faces, truth, false);
                ids.computeIfAbsent("a", k -> new HashSet<>()).add(f.trackOf(7));
                ids.computeIfAbsent("b", k -> new HashSet<>()).add(f.trackOf(20));
            }
        } finally {
            a.close();
            b.close();
        }
        ids.values().forEach(set -> set.remove(0));
        assertThat(ids.get("a")).as("face A's track ids").hasSize(1);
        assertThat(ids.get("b")).as("face B's track ids").hasSize(1);
        assertThat(ids.get("a")).doesNotContainAnyElementsOf(ids.get("b"));
    }

    private static int firstFrame(List<Frame> frames, int from, java.util.function.Predicate<Frame> test) {
        for (int i = from; i < frames.size(); i++) {
            if (test.test(frames.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** A face cut out of a rendered clip frame with a margin around it, and where its true box sits in the cut. */
    private record Patch(Mat pixels, int identity, float boxX, float boxY, float boxW, float boxH) implements AutoCloseable {
        static Patch of(int identity, Pose pose) {
            Script still = new Script(FPS, 1, List.of(new Waypoint(0, pose), new Waypoint(1, pose)));
            try (MovingFaceClip one = new MovingFaceClip(still)) {
                Mat frame = one.render(0);
                TruthFace face = one.truth(0).stream().filter(t -> t.identity() == identity).findFirst().orElseThrow();
                int margin = (int) (face.box().width() * 0.25);
                int x = Math.max(0, (int) face.box().x1() - margin);
                int y = Math.max(0, (int) face.box().y1() - margin);
                int w = Math.min(frame.cols() - x, (int) face.box().width() + 2 * margin);
                int h = Math.min(frame.rows() - y, (int) face.box().height() + 2 * margin);
                try (Rect r = new Rect(x, y, w, h); Mat view = frame.apply(r)) {
                    return new Patch(view.clone(), identity, face.box().x1() - x, face.box().y1() - y,
                            face.box().width(), face.box().height());
                }
            }
        }

        /** Draws the patch with its top-left corner at (x, y); the true box of its face there. */
        TruthFace drawAt(Mat canvas, int x, int y) {
            try (Rect r = new Rect(x, y, pixels.cols(), pixels.rows()); Mat to = canvas.apply(r)) {
                pixels.copyTo(to);
            }
            return new TruthFace(identity, new BoundingBox(x + boxX, y + boxY, x + boxX + boxW, y + boxY + boxH), 1);
        }

        @Override
        public void close() {
            pixels.close();
        }
    }
}
