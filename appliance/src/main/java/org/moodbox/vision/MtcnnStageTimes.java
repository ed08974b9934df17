package org.moodbox.vision;

/**
 * Where one MTCNN frame's time went, and how many crops each refinement stage ran: what the
 * benchmark prints to show whether P-Net, R-Net or O-Net dominates.
 */
public record MtcnnStageTimes(double pnetMs, double rnetMs, double onetMs, int rnetCrops, int onetCrops) {
    static final MtcnnStageTimes NONE = new MtcnnStageTimes(0, 0, 0, 0, 0);
}
