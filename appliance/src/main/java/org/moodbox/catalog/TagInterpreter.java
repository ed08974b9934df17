package org.moodbox.catalog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    /** ISO 639-2 codes that taggers write, mapped to the 639-1 codes the catalog uses. */
    private static final Map<String, String> ISO_639_2 = Map.ofEntries(
            Map.entry("eng", "en"), Map.entry("deu", "de"), Map.entry("ger", "de"), Map.entry("fra", "fr"),
            Map.entry("fre", "fr"), Map.entry("spa", "es"), Map.entry("ita", "it"), Map.entry("por", "pt"),
            Map.entry("rus", "ru"), Map.entry("jpn", "ja"), Map.entry("kor", "ko"), Map.entry("zho", "zh"),
            Map.entry("chi", "zh"), Map.entry("nld", "nl"), Map.entry("dut", "nl"), Map.entry("swe", "sv"),
            Map.entry("pol", "pl"), Map.entry("tur", "tr"), Map.entry("ara", "ar"), Map.entry("heb", "he"),
            Map.entry("hin", "hi"), Map.entry("fin", "fi"), Map.entry("nor", "no"), Map.entry("dan", "da"),
            Map.entry("ell", "el"), Map.entry("gre", "el"));

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

    /** ISO 639-1 code, "instrumental", or null when the tags do not say. */
    static String language(DecodedAudio a, KnownCollection collection) {
        String tag = a.tag("language", "lang", "tlan");
        if (tag != null) {
            String code = tag.toLowerCase(Locale.ROOT).split("[;,/ ]")[0];
            if (code.equals("zxx") || code.equals("instrumental")) {
                return "instrumental"; // ISO 639-2 "no linguistic content"
            }
            if (code.matches("[a-z]{2}")) {
                return code;
            }
            if (ISO_639_2.containsKey(code)) {
                return ISO_639_2.get(code);
            }
        }
        return collection != null && collection.instrumental() ? "instrumental" : null;
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
