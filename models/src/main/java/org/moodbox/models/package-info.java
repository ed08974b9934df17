/**
 * The model files the appliance runs, as the build made them ({@link org.moodbox.models.ModelFiles}: fetched from
 * pinned registry packages, converted, quantized or joined at build time, never downloaded at run time), and the
 * sample faces the checks use. It knows nothing of the appliance: the appliance depends on it, not the reverse.
 */
package org.moodbox.models;
