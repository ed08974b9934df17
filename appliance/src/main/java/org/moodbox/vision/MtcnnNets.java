package org.moodbox.vision;

import org.moodbox.models.ModelFiles;

/**
 * Which P/R/O-Net files MTCNN runs: the pinned float32 port (with its PReLUs fused into one operator each at
 * build time, which makes the nets faster and leaves their outputs as they were), or our int8 quantization.
 */
public enum MtcnnNets {
    FLOAT(ModelFiles.MTCNN_PNET_FUSED, ModelFiles.MTCNN_RNET_FUSED, ModelFiles.MTCNN_ONET_FUSED),
    INT8(ModelFiles.MTCNN_PNET_INT8, ModelFiles.MTCNN_RNET_INT8, ModelFiles.MTCNN_ONET_INT8);

    private final String pnet;
    private final String rnet;
    private final String onet;

    MtcnnNets(String pnet, String rnet, String onet) {
        this.pnet = pnet;
        this.rnet = rnet;
        this.onet = onet;
    }

    String pnet() {
        return pnet;
    }

    String rnet() {
        return rnet;
    }

    String onet() {
        return onet;
    }
}
