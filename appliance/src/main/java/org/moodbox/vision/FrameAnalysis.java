package org.moodbox.vision;

import java.util.List;

/**
 * What the vision room hands on for one frame: faces, expressions and timings, never pixels.
 *
 * @param problem a plain description when the frame could not be analysed (empty, unreadable), else null
 */
public record FrameAnalysis(int width, int height, List<FaceReading> faces, StageTimings timings, String problem) {
    public static FrameAnalysis unusable(String problem, StageTimings timings) {
        return new FrameAnalysis(0, 0, List.of(), timings, problem);
    }
}
