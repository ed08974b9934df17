package org.moodbox.youtube;

import org.moodbox.model.SourceKind;
import java.util.List;
import java.util.regex.Pattern;
import org.moodbox.catalog.Artwork;
import org.moodbox.catalog.CatalogEntry;
import org.moodbox.model.Features;
import org.moodbox.model.Track;

/**
 * A video as a link-only catalog track. Music video titles mostly read "Artist - Song (Official Video)":
 * the artist and song are taken from that when the title has the dash, else the song is the whole title and
 * the artist the channel, without YouTube's " - Topic" and "VEVO" decorations. Features are the search
 * words' point ({@link MoodWord}), marked "estimated".
 */
final class VideoTracks {
    /** "(Official Video)", "[Official Music Video]", "(Lyrics)", "(Audio)", "(HD)": noise on a card. */
    private static final Pattern DECORATION = Pattern.compile(
            "\\s*[(\\[](?:official[^)\\]]*|lyrics?(?: video)?|audio|video|hd|hq|4k|mv|visualizer)[)\\]]",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CHANNEL_DECORATION = Pattern.compile("(?:\\s+-\\s+Topic|VEVO)$");

    private VideoTracks() {
    }

    static CatalogEntry entry(Video video, SearchQuery query, Artwork thumbnail) {
        String title = DECORATION.matcher(video.title()).replaceAll("").strip();
        String artist = channelArtist(video.channelTitle());
        int dash = title.indexOf(" - ");
        if (dash > 0 && dash < title.length() - 3) {
            artist = title.substring(0, dash).strip();
            title = title.substring(dash + 3).strip();
        }
        if (title.isEmpty()) {
            title = video.title();
        }
        return new CatalogEntry(SourceKind.YOUTUBE, video.watchUrl(), title, artist.isEmpty() ? null : artist,
                null, null, query.language(), List.of(), 0, false, "YouTube: " + video.channelTitle(), null,
                new Features(query.mood().valence, query.mood().energy, null, "estimated"), null, thumbnail);
    }

    static String channelArtist(String channel) {
        return channel == null ? "" : CHANNEL_DECORATION.matcher(channel.strip()).replaceAll("").strip();
    }
}
