/**
 * Faces and emotions: the TFLite runtime, detectors, the aligner, emotion classifiers, the vision loop. Frames
 * never leave this room (not to disk, logs or network). Knows no music and no web.
 */
package org.moodbox.vision;
