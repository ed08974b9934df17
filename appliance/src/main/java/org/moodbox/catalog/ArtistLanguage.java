package org.moodbox.catalog;

import java.util.Map;

/**
 * One artist as the owner's language page shows it.
 *
 * @param artist    the name as the catalog's tracks spell it
 * @param tracks    how many tracks the catalog has by this artist
 * @param detected  language code to number of tracks, as tags, scripts and genres said (unknown not counted)
 * @param owner     the language the owner set for every track by this artist, or null
 */
public record ArtistLanguage(String artist, int tracks, Map<String, Integer> detected, String owner) {
    public ArtistLanguage {
        detected = Map.copyOf(detected);
    }
}
