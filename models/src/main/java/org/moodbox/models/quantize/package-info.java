/**
 * Our own graph tools on float TFLite files, checked against the TFLite interpreter: reading a model as plain
 * lists ({@link org.moodbox.models.quantize.FloatGraph}), post-training int8 quantization, cross-layer channel
 * equalization, PReLU fusion and temperature folding. Writes through {@code tflite}; knows nothing of where files
 * come from.
 */
package org.moodbox.models.quantize;
