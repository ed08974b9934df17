package org.moodbox.youtube;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.moodbox.model.Track;

/**
 * The link a card's QR code carries. A link-only YouTube video opens itself. Any other song opens where the
 * owner chose: on YouTube as a search for "artist title" (the box does not know a video id for a local file),
 * or on Spotify as the track itself when the catalog has its Spotify id, else as a Spotify search.
 *
 * <p>Spotify tracks are written as {@code https://open.spotify.com/track/ID}, the web form of the
 * {@code spotify:track:ID} URI: a phone camera opens https links everywhere (in the Spotify app when it is
 * installed, in the browser when not), while a bare {@code spotify:} URI does nothing on a phone without the
 * app. Text goes into URLs percent-encoded as UTF-8, so "Beyoncé" and "東京事変" reach the phone intact.
 */
public final class PhoneLinks {
    private static final Pattern SPOTIFY_TRACK = Pattern.compile("spotify:track:([A-Za-z0-9]{22})");

    private PhoneLinks() {
    }

    /** @param phoneLink the owner's choice, "youtube" or "spotify" (settings validate it) */
    public static PhoneLink forTrack(Track track, String phoneLink) {
        if (track.linkOnly()) {
            String id = VideoIds.fromWatchUrl(track.uri());
            if (id != null) {
                return new PhoneLink(youtubeWatchUrl(id), "youtube", "Scan to watch on YouTube");
            }
        }
        String words = searchWords(track);
        if ("spotify".equals(phoneLink)) {
            Matcher m = SPOTIFY_TRACK.matcher(track.uri() == null ? "" : track.uri());
            if (m.matches()) {
                return new PhoneLink("https://open.spotify.com/track/" + m.group(1), "spotify",
                        "Scan to open on Spotify");
            }
            // A path segment: spaces must be %20 here ('+' is a literal plus in a path).
            return new PhoneLink("https://open.spotify.com/search/"
                    + URLEncoder.encode(words, StandardCharsets.UTF_8).replace("+", "%20"), "spotify",
                    "Scan to find it on Spotify");
        }
        return new PhoneLink("https://www.youtube.com/results?search_query="
                + URLEncoder.encode(words, StandardCharsets.UTF_8), "youtube", "Scan to find it on YouTube");
    }

    static String youtubeWatchUrl(String videoId) {
        return VideoIds.watchUrl(videoId);
    }

    /** "artist title", or whichever of the two is known. */
    static String searchWords(Track track) {
        String words = Stream.of(track.artist(), track.title())
                .filter(s -> s != null && !s.isBlank()).map(String::strip).collect(Collectors.joining(" "));
        return words.isEmpty() ? "music" : words;
    }
}
