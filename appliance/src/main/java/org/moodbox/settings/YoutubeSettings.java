package org.moodbox.settings;

import java.util.List;
import java.util.Locale;

/**
 * The owner's choices about handing songs to phones and about YouTube as a source of songs.
 *
 * @param phoneLink       where the QR code on the back of a card opens a song: {@code youtube} (a search for
 *                        "artist title") or {@code spotify} (the track itself when it has a Spotify id, else a
 *                        search). Link-only YouTube videos always open the video itself.
 * @param searchEnabled   whether the box searches the YouTube Data API for songs that fit the mood (it also
 *                        needs an API key, which is a secret and kept apart)
 * @param dailyQuotaUnits how many of the API key's daily units the box may spend; Google grants 10,000 a day
 *                        by default and a search costs 100. Lower it when the key also serves something else.
 */
public record YoutubeSettings(String phoneLink, boolean searchEnabled, int dailyQuotaUnits) {
    public static final List<String> PHONE_LINKS = List.of("youtube", "spotify");
    /** Google's default daily quota for a Data API project. */
    public static final int DEFAULT_DAILY_UNITS = 10_000;
    /** One search.list call: the smallest budget that allows anything at all. */
    static final int MIN_DAILY_UNITS = 100;
    /** Projects can be granted more; far beyond this a typo is likelier than a real grant. */
    static final int MAX_DAILY_UNITS = 1_000_000;

    public YoutubeSettings {
        FieldErrors errors = new FieldErrors();
        check(errors, "youtube.", phoneLink, dailyQuotaUnits);
        errors.throwIfAny();
        phoneLink = phoneLink.trim().toLowerCase(Locale.ROOT);
    }

    /** Phone links open YouTube, the search is off until the owner enters a key and turns it on. */
    public static YoutubeSettings defaults() {
        return new YoutubeSettings("youtube", false, DEFAULT_DAILY_UNITS);
    }

    /** Adds each field's problem under {@code prefix + field}, as {@link Settings} reports nested fields. */
    static void check(FieldErrors errors, String prefix, String phoneLink, int dailyQuotaUnits) {
        if (phoneLink == null || !PHONE_LINKS.contains(phoneLink.trim().toLowerCase(Locale.ROOT))) {
            errors.add(prefix + "phoneLink", "must be one of " + String.join(", ", PHONE_LINKS) + ", got "
                    + (phoneLink == null ? "nothing" : "'" + phoneLink + "'"));
        }
        if (dailyQuotaUnits < MIN_DAILY_UNITS || dailyQuotaUnits > MAX_DAILY_UNITS) {
            errors.add(prefix + "dailyQuotaUnits", "must be a whole number from " + MIN_DAILY_UNITS + " (one search)"
                    + " to " + MAX_DAILY_UNITS + "; Google's default is " + DEFAULT_DAILY_UNITS + ", got "
                    + dailyQuotaUnits);
        }
    }

    /** Searches this budget allows per Pacific day, at 100 units a search. */
    public int searchesPerDay() {
        return dailyQuotaUnits / MIN_DAILY_UNITS;
    }
}
