package org.moodbox.spotify;

import java.io.IOException;
import org.apache.hc.core5.http.ParseException;
import se.michaelthelin.spotify.SpotifyApi;
import se.michaelthelin.spotify.exceptions.SpotifyWebApiException;
import se.michaelthelin.spotify.requests.data.AbstractDataRequest;

/**
 * {@code GET /v1/playlists/{id}/items}: since March 2026 development-mode apps get 403 from the old
 * {@code /tracks} path that spotify-web-api-java 9.4.0 calls, and the answer names each entry {@code item}
 * instead of {@code track}. Built on the library's request classes, so it shares their HTTP manager,
 * endpoints and error mapping; the JSON is read by {@link SpotifyTrackInfo#fromPlaylistItems}.
 */
final class PlaylistItemsRequest extends AbstractDataRequest<String> {
    private PlaylistItemsRequest(Builder builder) {
        super(builder);
    }

    @Override
    public String execute() throws IOException, SpotifyWebApiException, ParseException {
        return getJson();
    }

    static PlaylistItemsRequest of(SpotifyApi api, String playlistId, int limit) {
        return new Builder(api.getAccessToken())
                .setDefaults(api.getHttpManager(), api.getScheme(), api.getHost(), api.getPort())
                .setPathParameter("playlist_id", playlistId) // before setPath: the library fills it in there
                .setPath("/v1/playlists/{playlist_id}/items")
                .setQueryParameter("limit", limit)
                .build();
    }

    static final class Builder extends AbstractDataRequest.Builder<String, Builder> {
        Builder(String accessToken) {
            super(accessToken);
        }

        @Override
        public PlaylistItemsRequest build() {
            return new PlaylistItemsRequest(this);
        }

        @Override
        protected Builder self() {
            return this;
        }
    }
}
