package org.moodbox.model;

/**
 * Mood-relevant audio features on 0..1 scales (tempo in BPM).
 *
 * @param provenance "measured" (our own analysis of the audio), "imported" (a feature table) or "estimated"
 */
public record Features(double valence, double energy, Double tempo, String provenance) {
}
