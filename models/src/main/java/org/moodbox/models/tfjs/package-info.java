/**
 * Conversion of a TF.js graph model (the mini-Xception emotion CNN) to TFLite with our own writer, checked
 * against TF.js itself in the tests.
 */
package org.moodbox.models.tfjs;
