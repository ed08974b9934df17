/**
 * Writing TFLite flatbuffers (no library writes them): tensors, operators, options and quantization
 * parameters through the schema's object API. The lowest layer: it imports nothing of ours.
 */
package org.moodbox.models.tflite;
