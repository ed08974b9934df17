package org.moodbox.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.moodbox.mood.Mood;
import org.moodbox.playback.PlaybackState.Status;
import org.moodbox.vision.Emotion;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The kiosk page in a real browser (Debian's chromium, headless), against a real server with the stand-in
 * rooms of {@link TestRoom}: it loads, shows cards, a tap plays, "not my mood" and camera readings change the
 * mood shown. Screenshots at the three panel sizes go to target/screenshots/ (test artifacts).
 */
class KioskBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static ChromeDriver browser;
    private static Path profile;
    private TestRoom room;
    private WebServer server;

    @BeforeAll
    static void startBrowser() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "skipped: needs Debian's chromium and chromium-driver at " + CHROMIUM + " and " + CHROMEDRIVER
                        + " (apt-get install chromium chromium-driver); CI installs them");
        profile = Files.createTempDirectory("moodbox-kiosk-test-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--force-device-scale-factor=1", "--lang=en-US",
                "--user-data-dir=" + profile.toAbsolutePath());
        // Explicit driver path: Selenium Manager would otherwise try to download one.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @BeforeEach
    void startServer() {
        room = new TestRoom();
        server = room.startServer();
        viewport(800, 480);
    }

    @AfterEach
    void stopServer() {
        server.close();
        room.close();
    }

    @Test
    void showsCardsAndATapStartsPlayback() {
        open();
        List<WebElement> cards = cards();
        assertThat(cards).hasSize(WebServer.CARD_COUNT);
        WebElement third = cards.get(2);
        long trackId = Long.parseLong(third.getAttribute("data-track-id"));
        String title = third.findElement(By.className("card-title")).getText();
        assertThat(title).isEqualTo(room.tracks.byId(trackId).orElseThrow().title());
        assertThat(third.findElement(By.className("card-reason")).getText()).isNotBlank();
        assertThat(third.findElement(By.className("card-art")).getAttribute("src"))
                .endsWith("/api/artwork/" + trackId);

        third.click();

        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("now-playing"), "Now playing"));
        assertThat(browser.findElement(By.id("now-playing")).getText()).contains(title);
        assertThat(room.player.state().status()).isEqualTo(Status.PLAYING);
        assertThat(room.player.state().track().id()).isEqualTo(trackId);
        assertThat(browser.findElement(By.id("output")).getText()).contains("null sink (no sound device)");
        assertThat(browser.findElement(By.id("attribution")).getText())
                .contains(room.tracks.byId(trackId).orElseThrow().attribution());

        browser.findElement(By.id("btn-pause")).click();
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("now-playing"), "Paused"));
        assertThat(room.player.state().status()).isEqualTo(Status.PAUSED);
        browser.findElement(By.id("btn-stop")).click();
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("now-playing"), "Nothing playing"));
    }

    @Test
    void notMyMoodChangesTheDisplayedMoodAndTheCards() {
        open();
        assertThat(text("mood-label")).isEqualTo("Neutral");

        browser.findElement(By.cssSelector(".chip[data-emotion='sad']")).click();

        waitFor().until(ExpectedConditions.textToBe(By.id("mood-label"), "Sad"));
        assertThat(text("mood-kicker")).isEqualTo("You chose");
        assertThat(room.moodFeed.current().emotion()).isEqualTo(Emotion.SAD);
        waitFor().until(d -> cards().get(0).findElement(By.className("card-reason")).getText().contains("sad"));
        assertThat(browser.findElement(By.cssSelector(".chip[data-emotion='sad']")).getAttribute("aria-pressed"))
                .isEqualTo("true");
    }

    @Test
    void aCameraReadingReachesThePageLive() {
        open();
        room.moodFeed.publish(new Mood(Emotion.HAPPY, Map.of(Emotion.HAPPY, 0.82, Emotion.NEUTRAL, 0.18), 0.86,
                0.56, 0.82, true, true, "camera", Instant.now()));

        waitFor().until(ExpectedConditions.textToBe(By.id("mood-label"), "Happy"));
        assertThat(text("mood-kicker")).isEqualTo("You seem");
        assertThat(text("mood-confidence")).isEqualTo("82% sure");
        assertThat(browser.findElement(By.id("camera")).getText()).contains("Camera on");
    }

    @Test
    void fitsEachPanelSizeWithLargeTouchTargets() throws IOException {
        Files.createDirectories(SCREENSHOTS);
        int[][] sizes = {{800, 480}, {1280, 800}, {1920, 1080}};
        for (int[] size : sizes) {
            viewport(size[0], size[1]);
            room.player.stop();
            room.moodFeed.publish(new Mood(Emotion.HAPPY, Map.of(Emotion.HAPPY, 0.82, Emotion.NEUTRAL, 0.18),
                    0.86, 0.56, 0.82, true, true, "camera", Instant.now()));
            open();
            waitFor().until(ExpectedConditions.textToBe(By.id("mood-label"), "Happy"));
            cards().get(1).click();
            waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("now-playing"),
                    "Now playing"));
            waitForImages();

            String where = size[0] + "x" + size[1];
            Number innerWidth = (Number) browser.executeScript("return window.innerWidth");
            Number innerHeight = (Number) browser.executeScript("return window.innerHeight");
            assertThat(innerWidth.intValue()).as(where + " viewport width").isEqualTo(size[0]);
            assertThat(innerHeight.intValue()).as(where + " viewport height").isEqualTo(size[1]);
            Number scrollHeight = (Number) browser.executeScript("return document.documentElement.scrollHeight");
            assertThat(scrollHeight.intValue()).as(where + ": nothing below the fold").isLessThanOrEqualTo(size[1]);

            // The first four cards are fully on screen; the now-playing bar too.
            for (WebElement card : cards().subList(0, 4)) {
                Rectangle r = card.getRect();
                assertThat(r.getX() + r.getWidth()).as(where + " card right edge").isLessThanOrEqualTo(size[0]);
                assertThat(r.getY() + r.getHeight()).as(where + " card bottom").isLessThanOrEqualTo(size[1]);
                assertThat(Math.min(r.getWidth(), r.getHeight())).as(where + " card size").isGreaterThanOrEqualTo(48);
            }
            Rectangle bar = browser.findElement(By.className("player")).getRect();
            assertThat(bar.getY() + bar.getHeight()).as(where + " player bar").isLessThanOrEqualTo(size[1]);
            List<WebElement> targets = browser.findElements(By.cssSelector(".chip, .icon-button, #btn-more"));
            assertThat(targets).hasSizeGreaterThanOrEqualTo(12);
            for (WebElement target : targets) {
                Rectangle r = target.getRect();
                assertThat(Math.min(r.getWidth(), r.getHeight()))
                        .as(where + " touch target " + target.getAttribute("id") + target.getAttribute("data-emotion"))
                        .isGreaterThanOrEqualTo(48);
            }

            Files.write(SCREENSHOTS.resolve("kiosk-" + where + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        }
    }

    @Test
    void adminPageShowsTheBoxStatusOnAPhone() throws IOException {
        viewport(390, 844);
        browser.get(base() + "/admin");
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("admin-mood"), "Neutral"));
        assertThat(text("admin-catalog")).contains("12");
        assertThat(text("admin-output")).contains("null sink (no sound device)");
        assertThat(browser.findElement(By.tagName("body")).getText()).containsIgnoringCase("later");
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve("admin-390x844.png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    // --- helpers -----------------------------------------------------------------------------------------

    private void open() {
        browser.get(base() + "/");
        waitFor().until(d -> d.findElements(By.cssSelector(".card[data-track-id]")).size() == WebServer.CARD_COUNT);
    }

    private String base() {
        return "http://127.0.0.1:" + server.port();
    }

    private static List<WebElement> cards() {
        return browser.findElements(By.cssSelector(".card[data-track-id]"));
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private static WebDriverWait waitFor() {
        return new WebDriverWait(browser, WAIT);
    }

    private static void waitForImages() {
        waitFor().until(d -> Boolean.TRUE.equals(browser.executeScript(
                "return [...document.images].filter(i => !i.hidden).every(i => i.complete && i.naturalWidth > 0)")));
    }

    /** --window-size gives a smaller viewport than asked (browser chrome); the CDP override is exact. */
    private static void viewport(int width, int height) {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    }
}
