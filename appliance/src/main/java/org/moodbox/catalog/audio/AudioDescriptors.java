package org.moodbox.catalog.audio;

/**
 * Low-level measurements of a stretch of audio, before they are mapped to mood features. Kept apart so the
 * mapping can be re-tuned (or learned) without re-decoding a library.
 *
 * @param rmsDb          overall RMS level in dBFS
 * @param onsetsPerSecond note/beat onsets found in the spectral-flux envelope
 * @param centroidHz     energy-weighted mean spectral centroid (of audio band-limited to 5.5 kHz)
 * @param tempoBpm       strongest periodicity of the onset envelope, null when none is clear
 * @param mode           1 major, 0 minor (best Krumhansl-Kessler key profile), null when too unclear
 * @param modeClarity    0..1, how much better the best profile of one mode fits than the best of the other
 * @param key            0..11 (C = 0) of the best key profile, or -1
 */
public record AudioDescriptors(double rmsDb, double onsetsPerSecond, double centroidHz, Double tempoBpm,
                               Integer mode, double modeClarity, int key) {
}
