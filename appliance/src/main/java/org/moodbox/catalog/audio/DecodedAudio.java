package org.moodbox.catalog.audio;

import org.moodbox.catalog.Artwork;

import java.util.Map;

/**
 * What one pass over an audio file yields.
 *
 * @param tags            container and stream tags, keys lower-cased (Vorbis comments, ID3, MP4 atoms)
 * @param durationSeconds length of the whole file, from the container or, failing that, the decoded samples
 * @param artwork         embedded cover picture, or null
 * @param samples         mono PCM in -1..1 at {@code sampleRate}, covering the analysed window only
 * @param sampleRate      Hz
 */
public record DecodedAudio(Map<String, String> tags, double durationSeconds, Artwork artwork, float[] samples,
                           int sampleRate) {
    public double analysedSeconds() {
        return samples.length / (double) sampleRate;
    }

    public String tag(String... keys) {
        for (String key : keys) {
            String value = tags.get(key);
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return null;
    }
}
