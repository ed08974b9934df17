package org.moodbox.model;

/**
 * Mood-relevant audio features on 0..1 scales (tempo in BPM, loudness in dB as Spotify reports it). The
 * recommender turns them into a perceived valence and arousal (recommend's PerceivedMood); the extra cues
 * (mode, loudness, acousticness, danceability) are null when the source does not know them.
 *
 * @param provenance "measured" (our own analysis of the audio), "imported" (a feature table) or "estimated"
 * @param mode       1 major, 0 minor, null unknown
 */
public record Features(double valence, double energy, Double tempo, String provenance, Integer mode,
                       Double loudness, Double acousticness, Double danceability) {
    /** Valence, energy and tempo only: what audio analysis, search words and older tables give. */
    public Features(double valence, double energy, Double tempo, String provenance) {
        this(valence, energy, tempo, provenance, null, null, null, null);
    }

    /** Whether loudness, acousticness and danceability are all known (the full perceived-mood model applies). */
    public boolean hasSpotifyCues() {
        return loudness != null && acousticness != null && danceability != null;
    }
}
