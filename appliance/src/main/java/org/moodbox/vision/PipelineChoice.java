package org.moodbox.vision;

/** What the vision loop runs: a face detector and an emotion model, as the owner chose them. */
public record PipelineChoice(DetectorKind detector, EmotionModelKind emotionModel) {
    public PipelineChoice {
        if (detector == null || emotionModel == null) {
            throw new IllegalArgumentException("a pipeline needs a detector and an emotion model");
        }
    }

    /** Loads the models; the caller owns (and closes) the pipeline. */
    public FacePipeline build() {
        return FacePipeline.create(detector, emotionModel);
    }

    @Override
    public String toString() {
        return detector.id() + " + " + emotionModel.id();
    }
}
