package org.moodbox.catalog.scan;

import org.moodbox.catalog.audio.DecodedAudio;
import org.moodbox.catalog.LanguageCodes;
import org.moodbox.catalog.LanguageGuess;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads catalog fields out of raw tags (Vorbis comments, ID3 frames as FFmpeg names them, MP4 atoms).
 * Unknown stays unknown: a missing language is null, not a guess, unless the file belongs to a
 * {@link KnownCollection} whose language is known.
 */
final class TagInterpreter {
    private static final Pattern YEAR = Pattern.compile("(1[89]\\d\\d|20\\d\\d)");
    private static final Pattern CC_URL = Pattern.compile(
            "creativecommons\\.org/(?:licenses|publicdomain)/([a-z-]+)/(\\d(?:\\.\\d)?)", Pattern.CASE_INSENSITIVE);
    private TagInterpreter() {
    }

    static String title(DecodedAudio a, Path file) {
        String title = a.tag("title");
        if (title != null) {
            return title;
        }
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    static String artist(DecodedAudio a) {
        return a.tag("artist", "album_artist", "albumartist", "composer", "performer");
    }

    static Integer year(DecodedAudio a) {
        String date = a.tag("date", "year", "originaldate", "creation_time");
        if (date == null) {
            return null;
        }
        Matcher m = YEAR.matcher(date);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    static List<String> genres(DecodedAudio a) {
        String genre = a.tag("genre");
        List<String> genres = new ArrayList<>();
        if (genre != null) {
            for (String g : genre.split("[;/,|]")) {
                if (!g.isBlank()) {
                    genres.add(g.trim());
                }
            }
        }
        return genres;
    }

    /**
     * ISO 639-1 code or "instrumental" and how it was found ({@link LanguageGuess}); a known instrumental
     * collection says "instrumental" when the tags do not name a language.
     */
    static LanguageGuess.Result language(DecodedAudio a, KnownCollection collection, String title, String artist,
                                         List<String> genres) {
        String tag = a.tag("language", "lang", "tlan");
        if (LanguageCodes.normalise(tag) == null && collection != null && collection.instrumental()) {
            return new LanguageGuess.Result(LanguageCodes.INSTRUMENTAL, LanguageGuess.Source.INSTRUMENTAL);
        }
        return LanguageGuess.of(tag, title, artist, genres);
    }

    /** Who made it and under what terms, as far as the tags (or the known package) say. */
    static String attribution(DecodedAudio a, KnownCollection collection) {
        if (collection != null) {
            return collection.attribution();
        }
        List<String> parts = new ArrayList<>();
        String artist = artist(a);
        if (artist != null) {
            parts.add(artist);
        }
        String copyright = a.tag("copyright");
        if (copyright != null && (artist == null || !copyright.equals(artist))) {
            parts.add(copyright);
        }
        String license = a.tag("license", "licence", "wwwcopyright");
        if (license != null) {
            parts.add(shortLicense(license));
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    static String shortLicense(String license) {
        Matcher m = CC_URL.matcher(license);
        if (m.find()) {
            String kind = m.group(1).toUpperCase(Locale.ROOT);
            return kind.equals("ZERO") ? "CC0 " + m.group(2) : "CC " + kind + " " + m.group(2);
        }
        return license;
    }
}
