package org.moodbox.vision;

import org.moodbox.models.ModelFiles;

/**
 * The two BlazeFace models of MediaPipe's face detection, with the options of its graphs
 * (face_detection_short_range / face_detection_full_range): one model file, one square input size,
 * the SSD feature-map strides (layers of the same stride share a grid) and whether each grid cell
 * carries an extra interpolated anchor.
 */
public enum BlazeFaceRange {
    /** Selfie distance, up to about 2 m: 128x128 input, 4 layers (strides 8,16,16,16), 896 anchors. */
    SHORT("blazeface-short", ModelFiles.BLAZEFACE_SHORT, 128, new int[] {8, 16, 16, 16}, true),
    /** Group scenes, up to about 5 m: 192x192 input, one layer of stride 4, 2304 anchors. */
    FULL("blazeface-full", ModelFiles.BLAZEFACE_FULL, 192, new int[] {4}, false);

    private final String detectorName;
    private final String modelFile;
    private final int inputSize;
    private final int[] strides;
    private final boolean interpolatedAnchor;

    BlazeFaceRange(String detectorName, String modelFile, int inputSize, int[] strides, boolean interpolatedAnchor) {
        this.detectorName = detectorName;
        this.modelFile = modelFile;
        this.inputSize = inputSize;
        this.strides = strides;
        this.interpolatedAnchor = interpolatedAnchor;
    }

    public String detectorName() {
        return detectorName;
    }

    String modelFile() {
        return modelFile;
    }

    int inputSize() {
        return inputSize;
    }

    int[] strides() {
        return strides.clone();
    }

    boolean interpolatedAnchor() {
        return interpolatedAnchor;
    }
}
