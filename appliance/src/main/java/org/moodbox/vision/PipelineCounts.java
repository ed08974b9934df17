package org.moodbox.vision;

/**
 * What a pipeline has done since it was built: frames analysed, full detections (keyframes) and emotion
 * readings (classifier runs). Their rates are what tracking saves; the status page shows them.
 */
public record PipelineCounts(long frames, long detections, long readings) {
}
