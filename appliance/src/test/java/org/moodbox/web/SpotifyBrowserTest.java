package org.moodbox.web;

import org.moodbox.web.admin.SpotifyAdminRoutes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.moodbox.settings.SettingsStore;
import org.moodbox.spotify.FakeSpotify;
import org.moodbox.spotify.Spotify;
import org.moodbox.spotify.SpotifyEndpoints;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Spotify in a real browser against the real server and the fake Spotify: the owner links an account from a
 * phone-sized admin page by pasting the address Spotify sent the browser to (the phone cannot reach the box at
 * 127.0.0.1, which the test reproduces by serving the box on 127.0.0.2 only), and the kiosk shows a
 * banner while the linked Spotify fails. Screenshots go to target/screenshots/.
 */
class SpotifyBrowserTest {
    private static final String PASSWORD = "a long admin password";
    private static final String PHONE_SEES_BOX_AT = "127.0.0.2";
    @RegisterExtension
    final WebRig rig = WebRig.withOwner();
    private RealRooms rooms;
    private FakeSpotify fake;
    private Spotify spotify;
    private WebServer server;
    private HeadlessChromium chromium;
    private ChromeDriver browser;
    private PageById page;
    private Path accountFile;
    private String base;

    @BeforeEach
    void start() throws Exception {
        chromium = HeadlessChromium.start();
        browser = chromium.driver();
        page = new PageById(browser);
        rooms = rig.rooms();
        Path data = rig.data();
        accountFile = data.resolve("spotify-account.json");
        fake = rig.closeAfter(new FakeSpotify());
        SettingsStore settings = rig.settings();
        spotify = rig.closeAfter(Spotify.open(data, rooms.catalog, settings::current, SpotifyEndpoints.at(fake.base()), Map.of(),
                Clock.systemUTC(), Duration.ofSeconds(2), Duration.ZERO, 0.8, 0.8, null));
        // The box listens on 127.0.0.2 only: the browser reaches its pages there, while the redirect Spotify sends
        // it to (127.0.0.1, the only plain-http address Spotify allows) finds nobody, as on the owner's phone.
        server = rig.host(PHONE_SEES_BOX_AT).with(new SpotifyAdminRoutes(spotify)).server();
        base = "http://" + PHONE_SEES_BOX_AT + ":" + server.port();
    }

    @AfterEach
    void stop() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void theOwnerLinksSpotifyFromAPhoneByPastingTheRedirectAddress() throws Exception {
        chromium.viewport(390, 844);
        browser.get(base + "/admin");
        page.visible("setup-form");
        page.type("setup-password", PASSWORD);
        page.type("setup-confirm", PASSWORD);
        browser.findElement(By.id("setup-submit")).click();
        page.visible("owner");
        page.visible("spotify-card"); // at once with the owner's other sections, not at the next refresh
        assertThat(page.text("spotify-state")).contains("Enter the client id");
        assertThat(browser.findElement(By.id("spotify-link")).isDisplayed()).isFalse();
        assertThat(page.text("spotify-redirect-uri")).isEqualTo("http://127.0.0.1:" + server.port()
                + "/admin/spotify/callback");

        // A client id of the wrong shape: said next to the form, nothing stored.
        page.type("spotify-client-id", "https://developer.spotify.com/dashboard");
        page.click("spotify-app-save");
        page.visible("spotify-app-error");
        assertThat(page.text("spotify-app-error")).contains("32 letters and digits");
        assertThat(accountFile).doesNotExist();

        page.type("spotify-client-id", SpotifyAdminApiTest.CLIENT_ID);
        page.click("spotify-app-save");
        page.await(ExpectedConditions.textToBe(By.id("spotify-state"), "No Spotify account is linked."));
        assertThat(browser.findElement(By.id("spotify-app-error")).isDisplayed()).isFalse();

        // Link: Spotify's consent page opens in a new window; the owner agrees there.
        fake.askConsent = true;
        String admin = browser.getWindowHandle();
        page.click("spotify-link");
        page.await(d -> d.getWindowHandles().size() == 2);
        String consent = browser.getWindowHandles().stream().filter(h -> !h.equals(admin)).findFirst().orElseThrow();
        browser.switchTo().window(consent);
        page.await(ExpectedConditions.presenceOfElementLocated(By.id("agree")));
        // On a phone, 127.0.0.1 is the phone itself: the box's callback is out of reach, so the browser ends on
        // an error page whose address (what the owner copies from the address bar) carries the code.
        browser.findElement(By.id("agree")).click();
        String redirected = page.await(d -> addressBar().filter(u -> u.contains("/admin/spotify/callback?code="))
                .orElse(null));
        assertThat(redirected).startsWith("http://127.0.0.1:" + server.port() + "/admin/spotify/callback?code=");
        assertThat(accountFile).content().doesNotContain("refresh-"); // the box has not heard of it
        browser.close();
        browser.switchTo().window(admin);

        page.visible("spotify-finish-form");
        finish("this is not an address");
        page.await(ExpectedConditions.textToBePresentInElementLocated(By.id("spotify-app-error"), "paste the whole address"));
        finish(redirected.replaceFirst("state=[^&]+", "state=0ld4ttempt"));
        page.await(ExpectedConditions.textToBePresentInElementLocated(By.id("spotify-app-error"), "state does not match"));
        assertThat(page.text("spotify-state")).isEqualTo("No Spotify account is linked.");
        assertThat(accountFile).content().doesNotContain("refresh-");

        finish(redirected);
        page.await(ExpectedConditions.textToBe(By.id("spotify-state"), "Linked as Ada (Premium)."));
        assertThat(browser.findElement(By.id("spotify-app-error")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("spotify-finish-form")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("spotify-link")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("spotify-unlink")).isDisplayed()).isTrue();
        assertThat(accountFile).content().contains("refresh-", "ada42");
        browser.executeScript("document.getElementById('spotify-card').scrollIntoView({block: 'start'})");
        chromium.screenshot("admin-spotify-linked-390x844");

        page.click("spotify-unlink");
        page.await(ExpectedConditions.textToBe(By.id("spotify-state"), "No Spotify account is linked."));
        assertThat(accountFile).content().doesNotContain("refresh-");
    }

    @Test
    void theKioskShowsABannerWhileTheLinkedSpotifyFails() throws Exception {
        spotify.account().setApp(SpotifyAdminApiTest.CLIENT_ID, null);
        URI consent = spotify.account().startLink(URI.create("http://127.0.0.1:" + server.port()
                + "/admin/spotify/callback"));
        HttpResponse<Void> approved = HttpClient.newHttpClient().send(HttpRequest.newBuilder(consent).build(),
                HttpResponse.BodyHandlers.discarding());
        spotify.account().finishLink(approved.headers().firstValue("Location").orElseThrow());
        chromium.viewport(800, 480);

        browser.get(base + "/");
        page.await(ExpectedConditions.presenceOfElementLocated(By.id("spotify-notice")));
        page.await(d -> !d.findElements(By.cssSelector(".card")).isEmpty());
        assertThat(browser.findElement(By.id("spotify-notice")).isDisplayed()).isFalse();

        fake.inject("/v1/search", "500");
        spotify.candidates().sweepSoon().get();
        browser.navigate().refresh();
        page.visible("spotify-notice");
        WebElement banner = browser.findElement(By.id("spotify-notice"));
        assertThat(banner.getText()).startsWith("Spotify is unavailable").endsWith("playing from your own library.");
        assertThat(banner.getAttribute("role")).isEqualTo("status");
        // A thin strip along the bottom edge, not a cover over the cards.
        long viewportHeight = (Long) browser.executeScript("return window.innerHeight");
        assertThat(banner.getRect().getY() + banner.getRect().getHeight()).isEqualTo((int) viewportHeight);
        assertThat(banner.getRect().getHeight()).isLessThan(80);
        // Nothing the listener needs is covered: no control of the now-playing bar, nor the status line.
        List<WebElement> needed = browser.findElements(By.cssSelector(
                "footer.player, footer.player button, footer.player input, .status-line, #output"));
        assertThat(needed).extracting(e -> e.getAttribute("id")).contains("btn-pause", "btn-next", "btn-like",
                "btn-skip", "volume-slider", "output");
        for (WebElement e : needed) {
            org.openqa.selenium.Rectangle r = e.getRect();
            String what = e.getTagName() + "#" + e.getAttribute("id") + "." + e.getAttribute("class");
            assertThat(e.isDisplayed()).as(what + " shown").isTrue();
            assertThat(r.getHeight()).as(what + " height").isPositive();
            assertThat(r.getY() + r.getHeight()).as(what + " bottom").isLessThanOrEqualTo(banner.getRect().getY());
        }
        assertThat(browser.findElements(By.cssSelector(".card"))).isNotEmpty();
        chromium.screenshot("kiosk-spotify-notice-800x480");

        spotify.candidates().sweepSoon().get(); // Spotify answers again
        browser.navigate().refresh();
        page.await(ExpectedConditions.presenceOfElementLocated(By.id("spotify-notice")));
        page.await(d -> !d.findElements(By.cssSelector(".card")).isEmpty());
        assertThat(browser.findElement(By.id("spotify-notice")).isDisplayed()).isFalse();
    }

    /** What the address bar shows, also on an error page (whose document is chrome-error://...). */
    @SuppressWarnings("unchecked")
    private java.util.Optional<String> addressBar() {
        Map<String, Object> history = browser.executeCdpCommand("Page.getNavigationHistory", Map.of());
        List<Map<String, Object>> entries = (List<Map<String, Object>>) history.get("entries");
        int current = ((Number) history.get("currentIndex")).intValue();
        return java.util.Optional.ofNullable((String) entries.get(current).get("url"));
    }

    private void finish(String pasted) {
        page.type("spotify-redirected", pasted);
        page.click("spotify-finish");
    }

}
