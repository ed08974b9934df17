package org.moodbox.vision;

/** What the vision loop runs: a face detector and an emotion model as the owner chose them, and the frame mode. */
public record PipelineChoice(DetectorKind detector, EmotionModelKind emotionModel, FrameMode frameMode) {
    public PipelineChoice {
        if (detector == null || emotionModel == null || frameMode == null) {
            throw new IllegalArgumentException("a pipeline needs a detector, an emotion model and a frame mode");
        }
    }

    /** With the default frame mode (tracked). */
    public PipelineChoice(DetectorKind detector, EmotionModelKind emotionModel) {
        this(detector, emotionModel, FrameMode.DEFAULT);
    }

    /** Loads the models; the caller owns (and closes) the pipeline. */
    public FacePipeline build() {
        return FacePipeline.create(detector, emotionModel, frameMode);
    }

    @Override
    public String toString() {
        return detector.id() + " + " + emotionModel.id() + (frameMode == FrameMode.DEFAULT ? "" : " (" + frameMode.id() + ")");
    }
}
