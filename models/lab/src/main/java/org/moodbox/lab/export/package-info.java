/**
 * From a DJL checkpoint to TFLite with our writer (batch norm folded), int8 calibration samples, and the checks
 * of the exported file against DJL.
 */
package org.moodbox.lab.export;
