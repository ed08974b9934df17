package org.moodbox.spotify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpotifyAccountTest {
    @TempDir
    Path data;

    @Test
    void linksWithPkceStoresTokensOwnerOnlyAndSurvivesARestart() throws Exception {
        try (SpotifyRig rig = new SpotifyRig(data, Duration.ofSeconds(5))) {
            assertThat(rig.account.status().state()).isEqualTo(SpotifyLinkStatus.State.NOT_CONFIGURED);
            rig.account.setApp(SpotifyRig.CLIENT_ID, null);
            assertThat(rig.account.status().state()).isEqualTo(SpotifyLinkStatus.State.NOT_LINKED);
            String pasted = rig.approve();
            // what the phone's address bar shows, copied with the spaces around it a phone's selection adds
            SpotifyLinkStatus linked = rig.account.finishLink("  " + pasted + "  ");
            assertThat(linked.state()).isEqualTo(SpotifyLinkStatus.State.LINKED);
            assertThat(linked.userName()).isEqualTo("Ada");
            assertThat(linked.message()).contains("Linked as Ada (Premium)");
            Path file = data.resolve(SpotifyAccountFile.FILE_NAME);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(Files.readString(file)).contains("refresh-");
            assertThat(data.toFile().list()).allMatch(n -> !n.endsWith(".tmp"));

            SpotifyRig again = new SpotifyRig(data, Duration.ofSeconds(5));
            // a new process reads the same file (its fake has no tokens, so only the status is compared)
            assertThat(again.account.status().userName()).isEqualTo("Ada");
            again.close();
        }
    }

    /**
     * Before: the constructor threw, Appliance.start failed, and under systemd the box restarted in a loop. Now the
     * file is set aside like a corrupt settings.json, the box starts unlinked, and the status says why.
     */
    @Test
    void aCorruptAccountFileIsSetAsideAndTheBoxStartsUnlinkedSayingWhy() throws Exception {
        Path file = data.resolve(SpotifyAccountFile.FILE_NAME);
        String torn = "{\"app\":{\"clientId\":\"" + SpotifyRig.CLIENT_ID + "\"},\"tokens\":{\"refreshTo";
        Files.writeString(file, torn);
        try (SpotifyRig rig = new SpotifyRig(data, Duration.ofSeconds(5))) {
            SpotifyLinkStatus status = rig.account.status();
            assertThat(status.state()).isEqualTo(SpotifyLinkStatus.State.NOT_CONFIGURED);
            assertThat(status.message()).startsWith("The saved Spotify link could not be read because it is not "
                    + "valid JSON").contains("kept as spotify-account.json.corrupt").contains("Link Spotify again");
            assertThat(file).doesNotExist();
            assertThat(data.resolve("spotify-account.json.corrupt")).hasContent(torn);

            rig.link();
            assertThat(rig.account.status().state()).isEqualTo(SpotifyLinkStatus.State.LINKED);
            assertThat(rig.account.status().message()).as("a new link is the end of the old news")
                    .doesNotContain("could not be read");
        }
    }

    @Test
    void anAccountFileWithAnUnreadableFieldIsSetAsideBesideAnOlderOne() throws Exception {
        Path file = data.resolve(SpotifyAccountFile.FILE_NAME);
        Files.writeString(data.resolve("spotify-account.json.corrupt"), "older");
        String badDate = "{\"tokens\":{\"refreshToken\":\"r\",\"expiresAt\":\"next Tuesday\"}}";
        Files.writeString(file, badDate);
        try (SpotifyRig rig = new SpotifyRig(data, Duration.ofSeconds(5))) {
            assertThat(rig.account.status().message()).contains("a field in it is unreadable")
                    .contains("next Tuesday").contains("kept as spotify-account.json.corrupt.1");
            assertThat(rig.account.linked()).isFalse();
        }
        assertThat(data.resolve("spotify-account.json.corrupt")).hasContent("older");
        assertThat(data.resolve("spotify-account.json.corrupt.1")).hasContent(badDate);
    }

    @Test
    void aPastedAddressMustAnswerThisBoxsLinkAndAFailedAttemptSaysWhy() throws Exception {
        try (SpotifyRig rig = new SpotifyRig(data, Duration.ofSeconds(5))) {
            String pasted = rig.approve();
            assertThatThrownBy(() -> rig.account.finishLink(pasted.replaceAll("state=[^&]+", "state=forged")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("state does not match");
            assertThatThrownBy(() -> rig.account.finishLink("not an address"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whole address");
            // An old attempt's Cancel does not end this attempt; this attempt's Cancel does, and says so.
            assertThatThrownBy(() -> rig.account.finishLink(
                    "http://127.0.0.1:8080/admin/spotify/callback?error=access_denied&state=x"))
                    .hasMessageContaining("state does not match");
            String state = pasted.replaceFirst(".*[?&]state=([^&]+).*", "$1");
            assertThatThrownBy(() -> rig.account.finishLink(
                    "http://127.0.0.1:8080/admin/spotify/callback?error=access_denied&state=" + state))
                    .hasMessageContaining("you pressed Cancel");
            assertThatThrownBy(() -> rig.account.finishLink(pasted)).hasMessageContaining("no link was started");
            assertThat(rig.account.status().state()).isEqualTo(SpotifyLinkStatus.State.NOT_LINKED);
            assertThatThrownBy(() -> rig.account.setApp("not-an-id!", null)).hasMessageContaining("client id");
        }
    }

    @Test
    void theFakeRefusesAWrongVerifierSoPkceIsReallyChecked() throws Exception {
        try (SpotifyRig rig = new SpotifyRig(data, Duration.ofSeconds(5))) {
            String pasted = rig.approve();
            String code = SpotifyAccount.queryOf(pasted).get("code");
            AccountsClient accounts = new AccountsClient(SpotifyEndpoints.at(rig.fake.base()), Duration.ofSeconds(5),
                    java.time.Clock.systemUTC());
            assertThatThrownBy(() -> accounts.exchange(rig.account.app().orElseThrow(), code,
                    java.net.URI.create("http://127.0.0.1:8080/admin/spotify/callback"), "wrong-verifier"))
                    .isInstanceOf(SpotifyException.class).hasMessageContaining("invalid_grant");
        }
    }

    @Test
    void onlyLoopbackIpsMayReceiveAPlainHttpRedirect() {
        assertThat(SpotifyAccount.isLoopbackHttp(java.net.URI.create("http://127.0.0.1:8080/x"))).isTrue();
        assertThat(SpotifyAccount.isLoopbackHttp(java.net.URI.create("http://localhost:8080/x"))).isFalse();
        assertThat(SpotifyAccount.isLoopbackHttp(java.net.URI.create("http://192.168.1.5:8080/x"))).isFalse();
    }

    @Test
    void tokensAreRefreshedBeforeTheyExpire() throws Exception {
        try (SpotifyRig rig = new SpotifyRig(data, Duration.ofSeconds(5))) {
            rig.fake.tokenLifetimeSeconds = 3600;
            rig.link();
            String first = rig.account.accessToken();
            assertThat(rig.account.accessToken()).isEqualTo(first);
            assertThat(rig.fake.refreshes.get()).isZero();
            rig.fake.tokenLifetimeSeconds = 120; // inside the five minutes ahead
            rig.account.refreshNow(first);
            int after = rig.fake.refreshes.get();
            String second = rig.account.accessToken(); // expires within 5 min: refreshed again first
            assertThat(rig.fake.refreshes.get()).isEqualTo(after + 1);
            assertThat(second).isNotEqualTo(first);
        }
    }
}
