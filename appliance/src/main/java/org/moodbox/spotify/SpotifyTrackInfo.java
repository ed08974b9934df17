package org.moodbox.spotify;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import se.michaelthelin.spotify.model_objects.specification.ArtistSimplified;
import se.michaelthelin.spotify.model_objects.specification.Image;
import se.michaelthelin.spotify.model_objects.specification.Track;

/**
 * The few facts Moodbox keeps of a Spotify track, from either the library's model (search, saved tracks) or
 * the 2026 playlist-items JSON, which the library does not know yet.
 *
 * @param imageUrl the album cover closest to 300 px, or null
 */
record SpotifyTrackInfo(String uri, String title, String artist, String album, Integer year, double durationSeconds,
                        boolean explicit, String isrc, String imageUrl) {

    static SpotifyTrackInfo of(Track t) {
        String artist = t.getArtists() == null || t.getArtists().length == 0 ? null
                : Arrays.stream(t.getArtists()).map(ArtistSimplified::getName).findFirst().orElse(null);
        String album = t.getAlbum() == null ? null : t.getAlbum().getName();
        Integer year = t.getAlbum() == null ? null : year(t.getAlbum().getReleaseDate());
        String image = t.getAlbum() == null || t.getAlbum().getImages() == null ? null
                : Arrays.stream(t.getAlbum().getImages()).filter(i -> i.getUrl() != null)
                .min(Comparator.comparingInt(SpotifyTrackInfo::distanceFrom300)).map(Image::getUrl).orElse(null);
        Map<String, String> ids = t.getExternalIds() == null ? null : t.getExternalIds().getExternalIds();
        return new SpotifyTrackInfo(t.getUri(), t.getName(), artist, album, year,
                t.getDurationMs() == null ? 0 : t.getDurationMs() / 1000.0,
                Boolean.TRUE.equals(t.getIsExplicit()), ids == null ? null : ids.get("isrc"), image);
    }

    /** The tracks of a {@code /playlists/{id}/items} page; episodes and local files are skipped. */
    static List<SpotifyTrackInfo> fromPlaylistItems(JsonNode page) {
        List<SpotifyTrackInfo> out = new ArrayList<>();
        for (JsonNode entry : page.path("items")) {
            JsonNode t = entry.has("item") ? entry.get("item") : entry.path("track");
            if (!"track".equals(t.path("type").asText()) || t.path("is_local").asBoolean(false)
                    || !t.hasNonNull("uri")) {
                continue;
            }
            JsonNode albumNode = t.path("album");
            String image = null;
            int best = Integer.MAX_VALUE;
            for (JsonNode i : albumNode.path("images")) {
                int d = Math.abs(i.path("width").asInt(300) - 300);
                if (i.hasNonNull("url") && d < best) {
                    best = d;
                    image = i.get("url").asText();
                }
            }
            JsonNode firstArtist = t.path("artists").path(0);
            out.add(new SpotifyTrackInfo(t.get("uri").asText(), t.path("name").asText(null),
                    firstArtist.path("name").asText(null), albumNode.path("name").asText(null),
                    year(albumNode.path("release_date").asText(null)), t.path("duration_ms").asLong(0) / 1000.0,
                    t.path("explicit").asBoolean(false), t.path("external_ids").path("isrc").asText(null), image));
        }
        return out;
    }

    private static int distanceFrom300(Image i) {
        return Math.abs((i.getWidth() == null ? 300 : i.getWidth()) - 300);
    }

    private static Integer year(String releaseDate) {
        if (releaseDate == null || releaseDate.length() < 4) {
            return null;
        }
        try {
            return Integer.parseInt(releaseDate.substring(0, 4));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
