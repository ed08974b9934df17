package org.moodbox.catalog;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The catalog's language codes: ISO 639-1 ("en", "ko") or {@value #INSTRUMENTAL}. Tags arrive in every form
 * taggers write: 639-1, 639-2/T ("deu") and 639-2/B ("ger"), English names ("German"), "zxx" (639-2 "no
 * linguistic content"). The tables come from the JDK's own ISO lists, so no hand-kept list drifts.
 */
public final class LanguageCodes {
    public static final String INSTRUMENTAL = "instrumental";
    private static final Map<String, String> TO_ISO_639_1 = table();

    private LanguageCodes() {
    }

    private static Map<String, String> table() {
        Map<String, String> m = new HashMap<>();
        for (String code : Locale.getISOLanguages()) {
            Locale locale = Locale.forLanguageTag(code);
            m.put(code, code);
            try {
                m.putIfAbsent(locale.getISO3Language(), code);
            } catch (java.util.MissingResourceException ignored) {
                // no three-letter code known for it
            }
            String name = locale.getDisplayLanguage(Locale.ENGLISH).toLowerCase(Locale.ROOT);
            if (!name.isEmpty() && !name.equals(code)) {
                m.putIfAbsent(name, code);
            }
        }
        // 639-2/B "bibliographic" codes that differ from the /T codes the JDK knows.
        String[][] bibliographic = {{"ger", "de"}, {"fre", "fr"}, {"chi", "zh"}, {"dut", "nl"}, {"gre", "el"},
                {"cze", "cs"}, {"rum", "ro"}, {"per", "fa"}, {"arm", "hy"}, {"geo", "ka"}, {"alb", "sq"},
                {"baq", "eu"}, {"bur", "my"}, {"ice", "is"}, {"mac", "mk"}, {"mao", "mi"}, {"may", "ms"},
                {"slo", "sk"}, {"tib", "bo"}, {"wel", "cy"}};
        for (String[] pair : bibliographic) {
            m.put(pair[0], pair[1]);
        }
        // The JDK still answers the withdrawn codes for Hebrew, Indonesian and Yiddish; the catalog uses the current ones.
        m.put("iw", "he");
        m.put("in", "id");
        m.put("ji", "yi");
        m.put("heb", "he");
        m.put("ind", "id");
        m.put("yid", "yi");
        return Map.copyOf(m);
    }

    /**
     * The catalog code for what a tag says, or null when it names no single known language ("und", "mul",
     * "zh/ja", empty). Several languages ("eng; spa") count as the first.
     */
    public static String normalise(String tag) {
        if (tag == null) {
            return null;
        }
        String first = tag.trim().toLowerCase(Locale.ROOT).split("[;,/|]")[0].trim();
        if (first.isEmpty()) {
            return null;
        }
        if (first.equals("zxx") || first.equals(INSTRUMENTAL) || first.equals("none")) {
            return INSTRUMENTAL;
        }
        return TO_ISO_639_1.get(first);
    }

    /** Whether a code is one the catalog stores: a known ISO 639-1 code or "instrumental". */
    public static boolean isValid(String code) {
        return code != null && (code.equals(INSTRUMENTAL)
                || (code.length() == 2 && code.equals(TO_ISO_639_1.get(code))));
    }
}
