package org.moodbox.youtube;

import org.moodbox.model.SourceKind;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.moodbox.model.Track;

/** Where a card's QR code leads, proven by drawing the code and reading it back with ZXing. */
class PhoneLinksTest {
    private static Track track(SourceKind source, String uri, String title, String artist) {
        return new Track(1, source, uri, title, artist, null, null, null, 200, false, null, null);
    }

    @Test
    void youtubeSearchForArtistAndTitleSurvivesTheQrRoundTripWithAccentsIntact() throws Exception {
        Track halo = track(SourceKind.LOCAL, "file:///music/halo.flac", "Halo", "Beyonc\u00e9");
        PhoneLink link = PhoneLinks.forTrack(halo, "youtube");

        String scanned = QrReader.read(QrPng.of(link.url()));

        assertThat(scanned).isEqualTo(link.url())
                .isEqualTo("https://www.youtube.com/results?search_query=Beyonc%C3%A9+Halo");
        assertThat(link.service()).isEqualTo("youtube");
        assertThat(searchQuery(scanned, "search_query")).isEqualTo("Beyonc\u00e9 Halo");
    }

    @Test
    void japaneseArtistAndTitleArePercentEncodedAsUtf8AndDecodeBack() throws Exception {
        Track gunjo = track(SourceKind.LOCAL, "file:///music/gunjo.mp3", "\u7fa4\u9752\u65e5\u548c", "\u6771\u4eac\u4e8b\u5909");

        String scanned = QrReader.read(QrPng.of(PhoneLinks.forTrack(gunjo, "youtube").url()));

        assertThat(scanned).startsWith("https://www.youtube.com/results?search_query=%E6%9D%B1%E4%BA%AC%E4%BA%8B%E5%A4%89+");
        assertThat(scanned.chars().allMatch(c -> c < 128)).as("a URI, ASCII only").isTrue();
        assertThat(searchQuery(scanned, "search_query")).isEqualTo("\u6771\u4eac\u4e8b\u5909 \u7fa4\u9752\u65e5\u548c");
    }

    @Test
    void spotifyOpensTheTrackItselfWhenTheCatalogKnowsItsId() throws Exception {
        Track imported = track(SourceKind.IMPORT, "spotify:track:4uLU6hMCjMI75M1A2tKUQC", "Never Gonna Give You Up",
                "Rick Astley");

        String scanned = QrReader.read(QrPng.of(PhoneLinks.forTrack(imported, "spotify").url()));

        assertThat(scanned).isEqualTo("https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC");
    }

    @Test
    void spotifySearchesOtherwiseWithSpacesAsPercent20InThePath() throws Exception {
        Track halo = track(SourceKind.LOCAL, "file:///music/halo.flac", "Halo & Co", "Beyonc\u00e9");

        PhoneLink link = PhoneLinks.forTrack(halo, "spotify");
        String scanned = QrReader.read(QrPng.of(link.url()));

        assertThat(scanned).isEqualTo("https://open.spotify.com/search/Beyonc%C3%A9%20Halo%20%26%20Co");
        String segment = URI.create(scanned).getPath().substring("/search/".length());
        assertThat(segment).isEqualTo("Beyonc\u00e9 Halo & Co");
        assertThat(link.label()).contains("Spotify");
    }

    @Test
    void aLinkOnlyVideoAlwaysOpensTheVideoWhateverTheOwnerChose() throws Exception {
        Track video = track(SourceKind.YOUTUBE, "https://www.youtube.com/watch?v=bnVUHWCynig", "Halo", "Beyonc\u00e9");

        for (String choice : new String[] {"youtube", "spotify"}) {
            String scanned = QrReader.read(QrPng.of(PhoneLinks.forTrack(video, choice).url()));
            assertThat(scanned).isEqualTo("https://www.youtube.com/watch?v=bnVUHWCynig");
        }
    }

    @Test
    void aTrackWithNeitherTitleNorArtistStillGetsAWorkingLink() throws Exception {
        Track bare = track(SourceKind.LOCAL, "file:///music/x.ogg", null, " ");

        assertThat(QrReader.read(QrPng.of(PhoneLinks.forTrack(bare, "youtube").url())))
                .isEqualTo("https://www.youtube.com/results?search_query=music");
    }

    @Test
    void theCodeIsAPngWithTheQuietZoneTheStandardAsksFor() throws Exception {
        byte[] png = QrPng.of("https://www.youtube.com/results?search_query=a");
        var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));

        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        assertThat(image.getWidth()).isEqualTo(image.getHeight());
        // The first four modules of every edge are white.
        int quiet = QrPng.BORDER * QrPng.SCALE;
        for (int i = 0; i < image.getWidth(); i++) {
            for (int d = 0; d < quiet; d++) {
                assertThat(image.getRGB(i, d) & 0xFFFFFF).isEqualTo(0xFFFFFF);
                assertThat(image.getRGB(d, i) & 0xFFFFFF).isEqualTo(0xFFFFFF);
            }
        }
    }

    private static String searchQuery(String url, String name) {
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals(name)) {
                return URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no " + name + " in " + url);
    }
}
