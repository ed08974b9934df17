package org.moodbox.catalog;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The language a track is sung in, from what the catalog knows without listening: a language tag, the
 * writing system of its title (and artist), and its genre. Evidence is taken in that order, strongest first;
 * when nothing is reliable the answer is unknown (null), never a default. The owner's per-artist language
 * ({@link Catalog#setArtistLanguage}) overrides all of it when tracks are read.
 *
 * <p><b>Script.</b> A title in a script that (nearly) one language uses names that language: Hangul ko,
 * kana ja, Greek el, Hebrew he, Thai th, Georgian ka, Armenian hy, and so on. Scripts that several languages
 * share are split by letters only one of them uses (Cyrillic: і ї є ґ Ukrainian, ђ ј љ њ ћ џ Serbian, else
 * Russian; Arabic: پ چ ژ گ Persian, ٹ ڈ ڑ ں ے Urdu, else Arabic; Devanagari: Hindi). Han without kana is
 * Chinese unless the genre says Japanese. Latin script is shared by too many languages for short titles:
 * only letters unique to one language count (ß de, ñ es, ã õ pt, ő ű hu, ř ů ě cs, ł ą ę ż ź ś pl, ğ ı tr,
 * ơ ư đ vi); stop-word lists were left out because song titles are too short and too often English loan
 * words for them to be reliable. Diacritics in an artist's name ("Beyoncé", "Motörhead") say nothing about
 * the lyrics, so for Latin script only the title counts.
 *
 * <p><b>Genre priors.</b> Genres that are defined by their language or region (see {@link #GENRE_PRIORS}):
 * k-pop ko; j-pop, j-rock, anime, enka ja; c-pop, mandopop, cantopop zh; chanson, variété française fr;
 * schlager, deutschrap, neue deutsche welle de; latin, reggaeton, bachata, salsa, cumbia, banda, ranchera,
 * flamenco, tango es; mpb, samba, bossa nova, sertanejo, forró, pagode, axé, fado pt; bollywood, filmi hi;
 * canzone, italo pop it; arabesk, türkçe pop tr. These are priors, not facts (a Latin playlist holds some
 * English songs), which is why a title in another script, or a tag, wins over them.
 *
 * <p><b>Instrumental.</b> The ISO 639-2 code zxx ("no linguistic content") or a tag saying instrumental, or a
 * genre naming it (instrumental, karaoke backing tracks). Audio analysis does not detect voices, so it does
 * not claim "instrumental" on its own.
 */
public final class LanguageGuess {
    /** How a language was found; stored lower case in {@code tracks.language_source}. */
    public enum Source {
        TAG, INSTRUMENTAL, TITLE_SCRIPT, GENRE, ARTIST_SCRIPT, OWNER;

        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public record Result(String language, Source source) {
        static final Result UNKNOWN = new Result(null, null);
    }

    /** Genre words (matched on whole words of the lower-cased genre) to the language they imply. */
    static final Map<String, String> GENRE_PRIORS = Map.ofEntries(
            Map.entry("k-pop", "ko"), Map.entry("kpop", "ko"), Map.entry("k-rap", "ko"), Map.entry("korean", "ko"),
            Map.entry("j-pop", "ja"), Map.entry("jpop", "ja"), Map.entry("j-rock", "ja"), Map.entry("anime", "ja"),
            Map.entry("enka", "ja"), Map.entry("japanese", "ja"), Map.entry("city pop", "ja"),
            Map.entry("c-pop", "zh"), Map.entry("mandopop", "zh"), Map.entry("cantopop", "zh"),
            Map.entry("chinese", "zh"),
            Map.entry("chanson", "fr"), Map.entry("variete francaise", "fr"), Map.entry("variété française", "fr"),
            Map.entry("french", "fr"),
            Map.entry("schlager", "de"), Map.entry("deutschrap", "de"), Map.entry("neue deutsche welle", "de"),
            Map.entry("german", "de"),
            Map.entry("latin", "es"), Map.entry("reggaeton", "es"), Map.entry("bachata", "es"),
            Map.entry("salsa", "es"), Map.entry("cumbia", "es"), Map.entry("banda", "es"), Map.entry("ranchera", "es"),
            Map.entry("flamenco", "es"), Map.entry("tango", "es"), Map.entry("spanish", "es"),
            Map.entry("mpb", "pt"), Map.entry("samba", "pt"), Map.entry("bossa nova", "pt"), Map.entry("bossa", "pt"),
            Map.entry("sertanejo", "pt"), Map.entry("forro", "pt"), Map.entry("forró", "pt"), Map.entry("pagode", "pt"),
            Map.entry("axe", "pt"), Map.entry("axé", "pt"), Map.entry("fado", "pt"), Map.entry("brazilian", "pt"),
            Map.entry("bollywood", "hi"), Map.entry("filmi", "hi"),
            Map.entry("canzone", "it"), Map.entry("italo pop", "it"), Map.entry("italian", "it"),
            Map.entry("arabesk", "tr"), Map.entry("türkçe pop", "tr"), Map.entry("turkish", "tr"),
            Map.entry("russian", "ru"), Map.entry("greek", "el"));

    private static final List<String> INSTRUMENTAL_GENRES = List.of("instrumental", "karaoke");

    /** Scripts that one language (nearly) owns. */
    private static final Map<Character.UnicodeScript, String> SCRIPT_LANGUAGE = scriptLanguages();

    private LanguageGuess() {
    }

    private static Map<Character.UnicodeScript, String> scriptLanguages() {
        Map<Character.UnicodeScript, String> m = new EnumMap<>(Character.UnicodeScript.class);
        m.put(Character.UnicodeScript.HANGUL, "ko");
        m.put(Character.UnicodeScript.HIRAGANA, "ja");
        m.put(Character.UnicodeScript.KATAKANA, "ja");
        m.put(Character.UnicodeScript.GREEK, "el");
        m.put(Character.UnicodeScript.HEBREW, "he");
        m.put(Character.UnicodeScript.THAI, "th");
        m.put(Character.UnicodeScript.GEORGIAN, "ka");
        m.put(Character.UnicodeScript.ARMENIAN, "hy");
        m.put(Character.UnicodeScript.DEVANAGARI, "hi");
        m.put(Character.UnicodeScript.BENGALI, "bn");
        m.put(Character.UnicodeScript.TAMIL, "ta");
        m.put(Character.UnicodeScript.TELUGU, "te");
        m.put(Character.UnicodeScript.GUJARATI, "gu");
        m.put(Character.UnicodeScript.GURMUKHI, "pa");
        m.put(Character.UnicodeScript.KANNADA, "kn");
        m.put(Character.UnicodeScript.MALAYALAM, "ml");
        m.put(Character.UnicodeScript.SINHALA, "si");
        m.put(Character.UnicodeScript.KHMER, "km");
        m.put(Character.UnicodeScript.LAO, "lo");
        m.put(Character.UnicodeScript.MYANMAR, "my");
        m.put(Character.UnicodeScript.ETHIOPIC, "am");
        return m;
    }

    /**
     * @param tagLanguage what a tag or a source column says (ISO 639-1 or 639-2, "instrumental"), or null
     */
    public static Result of(String tagLanguage, String title, String artist, List<String> genres) {
        String tagged = LanguageCodes.normalise(tagLanguage);
        if (tagged != null) {
            return new Result(tagged, tagged.equals(LanguageCodes.INSTRUMENTAL) ? Source.INSTRUMENTAL : Source.TAG);
        }
        List<String> lowerGenres = genres == null ? List.of()
                : genres.stream().map(g -> g.toLowerCase(Locale.ROOT).trim()).toList();
        if (lowerGenres.stream().anyMatch(g -> INSTRUMENTAL_GENRES.stream().anyMatch(w -> containsWord(g, w)))) {
            return new Result(LanguageCodes.INSTRUMENTAL, Source.INSTRUMENTAL);
        }
        String genreLanguage = genrePrior(lowerGenres);
        String fromTitle = scriptLanguage(title, true, genreLanguage);
        if (fromTitle != null) {
            return new Result(fromTitle, Source.TITLE_SCRIPT);
        }
        if (genreLanguage != null) {
            return new Result(genreLanguage, Source.GENRE);
        }
        String fromArtist = scriptLanguage(artist, false, null);
        return fromArtist != null ? new Result(fromArtist, Source.ARTIST_SCRIPT) : Result.UNKNOWN;
    }

    /** The longest genre phrase in {@link #GENRE_PRIORS}, in words ("neue deutsche welle"). */
    private static final int LONGEST_PRIOR_WORDS = 3;

    /**
     * The first genre's language prior, or null. Matches whole words and phrases ("latin" in "latin pop",
     * never in "platinum") by looking each run of up to three words up, not by scanning every prior.
     */
    static String genrePrior(List<String> lowerGenres) {
        for (String genre : lowerGenres) {
            String[] words = genre.split("[^\\p{L}\\p{N}-]+");
            for (int i = 0; i < words.length; i++) {
                if (words[i].isEmpty()) {
                    continue;
                }
                String phrase = words[i];
                String language = GENRE_PRIORS.get(phrase);
                for (int n = 1; language == null && n < LONGEST_PRIOR_WORDS && i + n < words.length; n++) {
                    phrase = phrase + " " + words[i + n];
                    language = GENRE_PRIORS.get(phrase);
                }
                if (language != null) {
                    return language;
                }
            }
        }
        return null;
    }

    private static boolean containsWord(String text, String word) {
        if (!text.contains(word)) {
            return false; // the common case, without splitting
        }
        for (String w : text.split("[^\\p{L}\\p{N}-]+")) {
            if (w.equals(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The language a text's letters point to, or null. Non-Latin letters must make up most of the letters
     * (a Korean title with one English word is still Korean; an English title with one Greek letter is not).
     *
     * @param latinCues   whether letters unique to one Latin-script language count (titles yes, names no)
     * @param genreHint   decides Han-only text between Chinese and Japanese
     */
    static String scriptLanguage(String text, boolean latinCues, String genreHint) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        int letters = 0;
        int latin = 0;
        Map<Character.UnicodeScript, Integer> counts = new EnumMap<>(Character.UnicodeScript.class);
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x80) { // most titles are plain ASCII: no script lookup needed
                if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') {
                    letters++;
                    latin++;
                }
                continue;
            }
            if (!Character.isLetter(cp)) {
                continue;
            }
            letters++;
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            if (script == Character.UnicodeScript.LATIN) {
                latin++;
            } else {
                counts.merge(script, 1, Integer::sum);
            }
        }
        if (letters == 0) {
            return null;
        }
        int nonLatin = letters - latin;
        if (nonLatin * 2 >= letters) {
            return nonLatinLanguage(text, counts, genreHint);
        }
        return latinCues && nonLatin == 0 ? latinLanguage(text.toLowerCase(Locale.ROOT)) : null;
    }

    private static String nonLatinLanguage(String text, Map<Character.UnicodeScript, Integer> counts,
                                           String genreHint) {
        if (counts.containsKey(Character.UnicodeScript.HANGUL)) {
            return "ko";
        }
        if (counts.containsKey(Character.UnicodeScript.HIRAGANA) || counts.containsKey(Character.UnicodeScript.KATAKANA)) {
            return "ja";
        }
        Character.UnicodeScript main = counts.entrySet().stream().max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey).orElse(null);
        if (main == null) {
            return null;
        }
        return switch (main) {
            case HAN -> "ja".equals(genreHint) ? "ja" : "zh";
            case CYRILLIC -> anyOf(text, "іїєґІЇЄҐ") ? "uk" : anyOf(text, "ђјљњћџЂЈЉЊЋЏ") ? "sr" : "ru";
            case ARABIC -> anyOf(text, "ٹڈڑںے") ? "ur" : anyOf(text, "پچژگ") ? "fa" : "ar";
            default -> SCRIPT_LANGUAGE.get(main);
        };
    }

    /** Letters that one language alone uses among those a home library is likely to hold. */
    private static String latinLanguage(String lower) {
        if (anyOf(lower, "ơưđạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ")) {
            return "vi"; // before Portuguese: Vietnamese also writes ã and õ
        }
        if (anyOf(lower, "ß")) {
            return "de";
        }
        if (anyOf(lower, "ñ")) {
            return "es";
        }
        if (anyOf(lower, "ãõ")) {
            return "pt";
        }
        if (anyOf(lower, "őű")) {
            return "hu";
        }
        if (anyOf(lower, "řůě")) {
            return "cs";
        }
        if (anyOf(lower, "łąężźś")) {
            return "pl";
        }
        if (anyOf(lower, "ğı")) {
            return "tr";
        }
        return null;
    }

    private static boolean anyOf(String text, String letters) {
        for (int i = 0; i < letters.length(); i++) {
            if (text.indexOf(letters.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }
}
