package org.moodbox.web.kiosk;

import java.util.Locale;
import org.moodbox.model.Features;
import org.moodbox.model.Track;

/**
 * A square SVG cover for tracks without album art, so every card still looks like a record: the colours say
 * the mood of the song (valence moves the hue from cool blue to warm orange, energy makes it more vivid) and
 * the letters are the title's initials.
 */
public final class ArtworkPlaceholder {
    private ArtworkPlaceholder() {
    }

    public static String svg(Track track) {
        Features f = track.features();
        double valence = f == null ? 0.5 : clamp(f.valence());
        double energy = f == null ? 0.3 : clamp(f.energy());
        double hue = 220 - valence * 190;
        double saturation = 30 + energy * 50;
        String top = hsl(hue, saturation, 52 + valence * 10);
        String bottom = hsl(hue + 25, saturation, 26 + energy * 8);
        return """
                <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 300" width="300" height="300" role="img" \
                aria-label="%s">
                <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">\
                <stop offset="0" stop-color="%s"/><stop offset="1" stop-color="%s"/></linearGradient></defs>
                <rect width="300" height="300" fill="url(#g)"/>
                <circle cx="150" cy="150" r="118" fill="none" stroke="#ffffff" stroke-opacity="0.18" stroke-width="2"/>
                <circle cx="150" cy="150" r="84" fill="none" stroke="#ffffff" stroke-opacity="0.12" stroke-width="2"/>
                <text x="150" y="150" dy="0.35em" text-anchor="middle" font-family="sans-serif" font-weight="700" \
                font-size="104" fill="#ffffff" fill-opacity="0.92">%s</text>
                </svg>
                """.formatted(escape(track.title()), top, bottom, escape(initials(track.title())));
    }

    /** First letters of the first two words ("Blue in Green" gives "BI"); a note sign when there are none. */
    public static String initials(String title) {
        StringBuilder out = new StringBuilder();
        if (title != null) {
            for (String word : title.trim().split("\\s+")) {
                int cp = word.isEmpty() ? -1 : word.codePointAt(0);
                if (cp >= 0 && Character.isLetterOrDigit(cp)) {
                    out.appendCodePoint(Character.toUpperCase(cp));
                }
                if (out.codePointCount(0, out.length()) == 2) {
                    break;
                }
            }
        }
        return out.length() == 0 ? "\u266A" : out.toString();
    }

    private static String hsl(double h, double s, double l) {
        return String.format(Locale.ROOT, "hsl(%.0f,%.0f%%,%.0f%%)", ((h % 360) + 360) % 360, s, l);
    }

    private static double clamp(double v) {
        return Double.isNaN(v) ? 0.5 : Math.max(0, Math.min(1, v));
    }

    private static String escape(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&apos;");
    }
}
