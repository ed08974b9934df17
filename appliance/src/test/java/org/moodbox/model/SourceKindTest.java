package org.moodbox.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The source names the catalog stores, and Spotify's track addresses, each spelled in one place. */
class SourceKindTest {
    @Test
    void everyKindReadsBackFromTheNameTheCatalogStores() {
        for (SourceKind kind : SourceKind.values()) {
            assertThat(SourceKind.fromKey(kind.key())).isSameAs(kind);
        }
        assertThat(SourceKind.fromKey(" YouTube ")).isSameAs(SourceKind.YOUTUBE);
    }

    @Test
    void anUnknownSourceNamesTheKnownOnes() {
        assertThatThrownBy(() -> SourceKind.fromKey("tidal"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown track source 'tidal'; choose one of local, import, spotify, youtube");
    }

    @Test
    void onlyYoutubeSongsAreLinkOnly() {
        assertThat(SourceKind.values()).filteredOn(SourceKind::linkOnly).containsExactly(SourceKind.YOUTUBE);
    }

    @Test
    void spotifyAddressesAreSpelledOnce() {
        assertThat(SpotifyUri.track("4uLU6hMCjMI75M1A2tKUQC")).isEqualTo("spotify:track:4uLU6hMCjMI75M1A2tKUQC");
        assertThat(SpotifyUri.isTrack("spotify:track:4uLU6hMCjMI75M1A2tKUQC")).isTrue();
        assertThat(SpotifyUri.isTrack("spotify:album:1")).isFalse();
        assertThat(SpotifyUri.isTrack("spotify:track:")).isFalse();
        assertThat(SpotifyUri.isSpotify("spotify:album:1")).isTrue();
        assertThat(SpotifyUri.isSpotify("file:///music/a.ogg")).isFalse();
        assertThat(SpotifyUri.isSpotify(null)).isFalse();
        assertThatThrownBy(() -> SpotifyUri.track("a:b")).hasMessageContaining("not a Spotify track id");
        assertThatThrownBy(() -> SpotifyUri.track(" ")).hasMessageContaining("not a Spotify track id");
    }

    @Test
    void aTrackKnowsWhoPlaysIt() {
        Track imported = new Track(1, SourceKind.IMPORT, "spotify:track:x", "t", "a", null, null, null, 1, false,
                null, null);
        Track local = new Track(2, SourceKind.LOCAL, "file:///a.ogg", "t", "a", null, null, null, 1, false, null,
                null);
        assertThat(imported.playsOnSpotify()).isTrue();
        assertThat(local.playsOnSpotify()).isFalse();
        assertThatThrownBy(() -> new Track(3, null, "file:///b.ogg", "t", "a", null, null, null, 1, false, null,
                null)).hasMessage("a track needs its source");
    }
}
