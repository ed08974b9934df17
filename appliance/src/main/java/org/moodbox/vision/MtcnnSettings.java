package org.moodbox.vision;

/**
 * MTCNN knobs. Defaults are facenet's (thresholds 0.6/0.7/0.7, pyramid factor 0.709) with a 40 px
 * minimum face, which gives 8 pyramid levels on a 640x480 frame (FINDINGS.md: 21 of 22 sample faces).
 */
public record MtcnnSettings(int minFaceSize, float pnetThreshold, float rnetThreshold, float onetThreshold,
                            double scaleFactor) {
    public static MtcnnSettings defaults() {
        return new MtcnnSettings(40, 0.6f, 0.7f, 0.7f, 0.709);
    }
}
