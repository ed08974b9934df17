package org.moodbox.catalog.audio;

import org.moodbox.model.Features;

/**
 * Turns measured {@link AudioDescriptors} into Spotify-like 0..1 valence and energy, so measured local files
 * and imported feature tables sit on comparable scales. A transparent hand-set model, not a trained one:
 *
 * <ul>
 *   <li>Energy (arousal): loudness, event density and brightness are the cues most consistently tied to
 *       perceived activity (Gabrielsson &amp; Lindström 2010, "The role of structure in the musical
 *       expression of emotions", Handbook of Music and Emotion; Eerola, Friberg &amp; Bresin 2013,
 *       "Emotional expression in music: contribution, linearity, and additivity of primary musical cues",
 *       Frontiers in Psychology 4:487). Weights 0.45 loudness, 0.30 onset rate, 0.25 spectral centroid.</li>
 *   <li>Valence: mode is the strongest structural cue (major happy, minor sad), then tempo (fast happier),
 *       then brightness (Gabrielsson &amp; Lindström 2010; Eerola et al. 2013 found mode and tempo the
 *       largest contributors to valence). Valence = 0.5 + 0.20 x signed mode clarity + 0.15 x tempo
 *       + 0.10 x brightness, the last two centred on 0.</li>
 * </ul>
 *
 * The anchors (-35..-8 dBFS, 0..6 onsets/s, 400..2200 Hz, 60..180 BPM) are set for mastered music. The
 * recommender reads these as if they were Spotify's valence and energy and maps them to a perceived mood
 * with its basic model (recommend.PerceivedMood, valence, energy and tempo); that mapping is fitted on
 * Spotify's numbers, not on ours, and no human ratings of local files have checked it: the order of tracks
 * (brighter, livelier) is what to trust, the absolute position less. Provenance "measured" tells readers
 * that these are our estimates, not Spotify's.
 */
public final class MoodFeatureModel {
    public Features features(AudioDescriptors d) {
        double loudness = scale(d.rmsDb(), -35, -8);
        double density = scale(d.onsetsPerSecond(), 0, 6);
        double brightness = scale(d.centroidHz(), 400, 2200);
        double energy = clamp(0.45 * loudness + 0.30 * density + 0.25 * brightness);

        double tempo = d.tempoBpm() == null ? 0.5 : scale(d.tempoBpm(), 60, 180);
        double modeSign = d.mode() == null ? 0 : (d.mode() == 1 ? 1 : -1);
        double valence = clamp(0.5 + 0.20 * modeSign * d.modeClarity() + 0.15 * (2 * tempo - 1)
                + 0.10 * (2 * brightness - 1));
        return new Features(round(valence), round(energy), d.tempoBpm() == null ? null : round(d.tempoBpm()),
                "measured");
    }

    private static double scale(double value, double low, double high) {
        return clamp((value - low) / (high - low));
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
