package org.moodbox.vision;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Which faces a frame holds, and which person each one is. With a follower ({@link FrameMode#TRACKED}) the
 * detector runs on keyframes only: the first frame, a cut ({@link SceneCut}), a frame where a track was lost or
 * two tracks became one, and at least every {@link TrackingSettings#newFaceWithin()} so a face that walks in is
 * found in time; in between, the follower carries each face on. Without one (every frame) the detector runs on
 * every frame. Either way a face keeps its track id from frame to frame (matched by overlap), so what reads the
 * faces can follow a person instead of a position in a list.
 */
final class FaceTracker implements AutoCloseable {
    /** Beyond this many faces the frame is a crowd; the mood follows the largest ones. */
    private static final int MAX_FACES = 10;
    /** A detection is the same person as a track when their boxes overlap this much (IoU). */
    private static final float SAME_FACE = 0.3f;
    /** Two followed tracks overlapping this much have merged onto one face: detect to tell them apart. */
    private static final float MERGED = 0.6f;

    /** A face with its person's number. */
    record Tracked(int id, DetectedFace face) {
    }

    private final FaceDetector detector;
    private final FaceFollower follower;
    private final SceneCut cuts;
    private final long newFaceWithinNanos;
    private List<Tracked> tracks = List.of();
    private int nextId = 1;
    private boolean started;
    private long lastDetectionNanos;
    private long lastFrameNanos;
    private int width;
    private int height;
    private long detections;

    /** Every-frame mode: the detector on every frame, ids by overlap. */
    FaceTracker(FaceDetector detector) {
        this(detector, null, null);
    }

    /** Tracked mode; {@code follower} is owned (and closed) by this tracker. */
    FaceTracker(FaceDetector detector, FaceFollower follower, TrackingSettings settings) {
        this.detector = detector;
        this.follower = follower;
        this.cuts = follower == null ? null : new SceneCut(settings.cutDifference());
        this.newFaceWithinNanos = follower == null ? 0 : settings.newFaceWithin().toNanos();
    }

    /** The faces of this frame, largest first when there are more than {@link #MAX_FACES}. */
    List<Tracked> update(Mat bgr, Mat grey, long nanos) {
        long sinceLastFrame = started ? nanos - lastFrameNanos : 0;
        lastFrameNanos = nanos;
        // Another frame size (a folder of photos) is a cut too: nothing of the last frame can be followed into it.
        boolean resized = started && (bgr.cols() != width || bgr.rows() != height);
        width = bgr.cols();
        height = bgr.rows();
        boolean cut = cuts != null && cuts.cut(grey) | resized;
        // A keyframe now if waiting one more frame (at the pace frames come) would let a new face go unseen too long.
        boolean due = follower == null || !started || cut
                || nanos - lastDetectionNanos + sinceLastFrame > newFaceWithinNanos;
        if (!due) {
            List<DetectedFace> followed = follower.follow(bgr, grey, faces(tracks));
            if (allFollowed(followed)) {
                List<Tracked> next = new ArrayList<>(tracks.size());
                for (int i = 0; i < tracks.size(); i++) {
                    next.add(new Tracked(tracks.get(i).id(), followed.get(i)));
                }
                tracks = next;
                follower.remember(grey);
                return tracks;
            }
            // A track's score fell (the face left, turned away, or the follower lost it): find the faces again now.
        }
        tracks = match(tracks, largest(detector.detect(bgr)));
        detections++;
        started = true;
        lastDetectionNanos = nanos;
        if (follower != null) {
            follower.remember(grey);
        }
        return tracks;
    }

    /** The face tracked as {@code from} is the person once tracked as {@code to}: it carries that id from now on. */
    void rename(int from, int to) {
        List<Tracked> renamed = new ArrayList<>(tracks.size());
        tracks.forEach(t -> renamed.add(t.id() == from ? new Tracked(to, t.face()) : t));
        tracks = renamed;
    }

    /** Full detections so far. */
    long detections() {
        return detections;
    }

    private static boolean allFollowed(List<DetectedFace> followed) {
        for (int i = 0; i < followed.size(); i++) {
            if (followed.get(i) == null) {
                return false;
            }
            for (int j = 0; j < i; j++) {
                if (followed.get(i).box().overlap(followed.get(j).box(), false) > MERGED) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Each detection takes the id of the track it overlaps most (greedy, best overlap first); the rest are new people. */
    private List<Tracked> match(List<Tracked> previous, List<DetectedFace> found) {
        int[] idOf = new int[found.size()];
        boolean[] trackUsed = new boolean[previous.size()];
        while (true) {
            float best = SAME_FACE;
            int bestFound = -1;
            int bestTrack = -1;
            for (int f = 0; f < found.size(); f++) {
                if (idOf[f] != 0) {
                    continue;
                }
                for (int t = 0; t < previous.size(); t++) {
                    float iou = trackUsed[t] ? 0 : found.get(f).box().overlap(previous.get(t).face().box(), false);
                    if (iou >= best) {
                        best = iou;
                        bestFound = f;
                        bestTrack = t;
                    }
                }
            }
            if (bestFound < 0) {
                break;
            }
            idOf[bestFound] = previous.get(bestTrack).id();
            trackUsed[bestTrack] = true;
        }
        List<Tracked> next = new ArrayList<>(found.size());
        for (int f = 0; f < found.size(); f++) {
            next.add(new Tracked(idOf[f] != 0 ? idOf[f] : nextId++, found.get(f)));
        }
        return next;
    }

    private static List<DetectedFace> faces(List<Tracked> tracks) {
        List<DetectedFace> faces = new ArrayList<>(tracks.size());
        tracks.forEach(t -> faces.add(t.face()));
        return faces;
    }

    private static List<DetectedFace> largest(List<DetectedFace> faces) {
        if (faces.size() <= MAX_FACES) {
            return faces;
        }
        List<DetectedFace> sorted = new ArrayList<>(faces);
        sorted.sort((a, b) -> Float.compare(b.box().area(), a.box().area()));
        return sorted.subList(0, MAX_FACES);
    }

    @Override
    public void close() {
        if (follower != null) {
            follower.close();
        }
        if (cuts != null) {
            cuts.close();
        }
    }
}
