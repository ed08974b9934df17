/**
 * The face-pretrained network in DJL: the MobileFaceNet tail rebuilt from its TFLite graph, the cached trunk
 * activations, training, scores, temperature scaling and the precision-against-coverage table.
 */
package org.moodbox.lab.facenet;
