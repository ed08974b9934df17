package org.moodbox.vision;

import java.time.Duration;

/**
 * The knobs of {@link FrameMode#TRACKED}. Nothing here names a detector or an emotion model: any detector
 * follows with its own {@link FaceFollower}, any classifier is re-read by the same rules.
 *
 * @param newFaceWithin   a full detection runs at least this often, so a face that walks in is found within it
 *                        (the last frame before the gap would be exceeded is a keyframe)
 * @param readRefresh     a face whose crop did not change is read again after this long all the same (light and
 *                        expressions drift below the change threshold)
 * @param minReadGap      a face whose crop keeps changing is read at most this often (5 Hz)
 * @param cropChange      mean absolute grey difference (0..255, brightness removed) of the 12x12 aligned crop
 *                        since its last reading above which the face "changed"
 * @param cutDifference   mean absolute grey difference of the 64x48 thumbnail from the previous frame above which
 *                        the scene was cut (another picture, the camera knocked): detect at once
 * @param minFollowQuality fraction of a face's followed points that must agree, else the track is lost and a full
 *                        detection runs at once
 */
public record TrackingSettings(Duration newFaceWithin, Duration readRefresh, Duration minReadGap, double cropChange,
                               double cutDifference, double minFollowQuality) {
    public static TrackingSettings defaults() {
        return new TrackingSettings(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(200), 6.0,
                20.0, 0.5);
    }
}
