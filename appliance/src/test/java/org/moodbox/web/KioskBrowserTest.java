package org.moodbox.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moodbox.catalog.Track;
import org.moodbox.mood.Mood;
import org.moodbox.playback.PlaybackState.Status;
import org.moodbox.vision.Emotion;
import org.openqa.selenium.By;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The kiosk page in a real browser ({@link HeadlessChromium}), against a real server with the real rooms of
 * {@link RealRooms}: it loads, shows cards, a tap plays, "not my mood" and camera readings change the mood
 * shown. Screenshots at the three panel sizes go to target/screenshots/ (test artifacts).
 */
class KioskBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Map<Emotion, Double> NEUTRAL_FACE = Map.of(Emotion.NEUTRAL, 0.71, Emotion.HAPPY, 0.18,
            Emotion.SAD, 0.11);
    private static final Map<Emotion, Double> HAPPY_FACE = Map.of(Emotion.HAPPY, 0.82, Emotion.NEUTRAL, 0.18);

    private static HeadlessChromium chromium;
    private static ChromeDriver browser;
    @TempDir
    Path folder;
    private RealRooms rooms;
    private WebServer server;

    @BeforeAll
    static void startBrowser() throws IOException {
        chromium = HeadlessChromium.start();
        browser = chromium.driver();
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void startServer() throws Exception {
        rooms = RealRooms.in(folder);
        server = rooms.startServer();
        chromium.viewport(800, 480);
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
        if (rooms != null) {
            rooms.close();
        }
    }

    @Test
    void showsCardsAndATapStartsPlayback() throws InterruptedException {
        rooms.cameraSees(NEUTRAL_FACE);
        open();
        List<WebElement> cards = cards();
        assertThat(cards).hasSize(WebServer.CARD_COUNT);
        WebElement third = cards.get(2);
        long trackId = Long.parseLong(third.getAttribute("data-track-id"));
        String title = third.findElement(By.className("card-title")).getText();
        Track track = rooms.catalog.track(trackId).orElseThrow();
        assertThat(title).isEqualTo(track.title());
        assertThat(third.findElement(By.className("card-reason")).getText()).isNotBlank();
        assertThat(third.findElement(By.className("card-art")).getAttribute("src"))
                .endsWith("/api/artwork/" + trackId);

        third.click();

        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("now-playing"), "Now playing"));
        assertThat(browser.findElement(By.id("now-playing")).getText()).contains(title);
        assertThat(browser.findElement(By.id("attribution")).getText()).contains(track.attribution());
        rooms.awaitAudible(trackId);

        browser.findElement(By.id("btn-pause")).click();
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("now-playing"), "Paused"));
        rooms.awaitPlayer("paused", s -> s.status() == Status.PAUSED);
        // The player names its sink once its decoder has opened it, a moment after the tap; by the pause the
        // answer and the live event agree on it. (Right after the tap they need not: see
        // theSoundOutputShownAfterATapIsTheLatestOneEvenWhenTheAnswerIsSlow.)
        assertThat(text("output")).contains(RealRooms.NULL_SINK);
        browser.findElement(By.id("btn-stop")).click();
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("now-playing"), "Nothing playing"));
        rooms.awaitPlayer("stopped", s -> s.status() == Status.STOPPED);
    }

    @Test
    void notMyMoodChangesTheDisplayedMoodAndTheCards() {
        rooms.cameraSees(NEUTRAL_FACE);
        open();
        assertThat(text("mood-label")).isEqualTo("Neutral");

        browser.findElement(By.cssSelector(".chip[data-emotion='sad']")).click();

        waitFor().until(ExpectedConditions.textToBe(By.id("mood-label"), "Sad"));
        assertThat(text("mood-kicker")).isEqualTo("You chose");
        assertThat(rooms.moodTracker.current().emotion()).isEqualTo(Emotion.SAD);
        waitFor().until(d -> cards().get(0).findElement(By.className("card-reason")).getText().contains("sad"));
        assertThat(browser.findElement(By.cssSelector(".chip[data-emotion='sad']")).getAttribute("aria-pressed"))
                .isEqualTo("true");
    }

    @Test
    void aCameraReadingReachesThePageLive() {
        open();
        assertThat(text("mood-kicker")).isEqualTo("Nobody in view");
        assertThat(text("mood-label")).isEqualTo("Waiting for you");

        // Someone steps up: a fresh tracker takes the first face as it is.
        rooms.cameraSees(HAPPY_FACE);

        waitFor().until(ExpectedConditions.textToBe(By.id("mood-label"), "Happy"));
        Mood seen = rooms.moodTracker.current();
        assertThat(seen.source()).isEqualTo("camera");
        assertThat(text("mood-kicker")).isEqualTo("You seem");
        assertThat(text("mood-confidence")).isEqualTo("82% sure");
        assertThat(browser.findElement(By.id("camera")).getText()).contains("Camera on");
    }

    @Test
    void fitsEachPanelSizeWithLargeTouchTargets() throws IOException, InterruptedException {
        int[][] sizes = {{800, 480}, {1280, 800}, {1920, 1080}};
        for (int[] size : sizes) {
            chromium.viewport(size[0], size[1]);
            rooms.player.stop();
            rooms.cameraSees(HAPPY_FACE);
            open();
            waitFor().until(ExpectedConditions.textToBe(By.id("mood-label"), "Happy"));
            cards().get(1).click();
            waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("now-playing"),
                    "Now playing"));
            rooms.awaitAudible(rooms.player.state().track().id());
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

            chromium.screenshot("kiosk-" + where);
        }
    }

    /**
     * KNOWN BUG, found when the real player replaced the stand-in: the page renders the answer to its
     * POST /api/play even when a newer live "playback" event has already arrived, so a slow answer puts old
     * state back on screen. With the local player the answer says "none yet" (the decoder opens the sink a
     * moment later, and says so in a live event); the page then shows "Sound: none yet" for the whole track.
     * Seen without any delay in about one run in three on this machine; the delay below makes it certain.
     */
    @Test
    void theSoundOutputShownAfterATapIsTheLatestOneEvenWhenTheAnswerIsSlow() throws InterruptedException {
        open();
        // A slow network or a busy box: every answer reaches the page's code 1.5 s after it arrived. Once the
        // page has read an answer's JSON, the code awaiting it runs as microtasks; a timer set then fires after
        // them, so window.answersHandled counts answers the page has finished acting on.
        browser.executeScript("window.answersHandled = 0; const direct = window.fetch;"
                + "window.fetch = (...args) => direct(...args).then(r => new Promise(done => setTimeout(() => {"
                + "  const json = r.json.bind(r);"
                + "  r.json = () => json().finally(() => setTimeout(() => window.answersHandled++, 0));"
                + "  done(r); }, 1500)));");
        WebElement first = cards().get(0);
        long trackId = Long.parseLong(first.getAttribute("data-track-id"));

        first.click();

        rooms.awaitAudible(trackId);
        waitFor().until(d -> ((Number) browser.executeScript("return window.answersHandled")).intValue() >= 1);
        assertThat(text("output")).isEqualTo("Sound: " + rooms.player.state().output());
    }

    @Test
    void adminPageShowsTheBoxStatusOnAPhone() throws IOException, InterruptedException {
        rooms.cameraSees(NEUTRAL_FACE);
        // Music on, so the player has opened its sink and can name it.
        long playing = rooms.id("Elvish Theme");
        rooms.player.play(rooms.catalog.track(playing).orElseThrow());
        rooms.awaitAudible(playing);
        chromium.viewport(390, 844);
        browser.get(base() + "/admin");
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("admin-mood"), "Neutral"));
        assertThat(text("admin-catalog")).contains("12");
        assertThat(text("admin-output")).contains(RealRooms.NULL_SINK);
        // This server has no settings store: the page says so instead of offering a sign-in (AdminBrowserTest
        // covers the page with one).
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("admin-message"),
                "Settings are not available"));
        chromium.screenshot("admin-390x844");
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
}
