package org.moodbox.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.moodbox.model.Track;
import org.moodbox.model.Mood;
import org.moodbox.playback.PlaybackState.Status;
import org.moodbox.model.Emotion;
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
    @RegisterExtension
    final WebRig rig = WebRig.kioskOnly();
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
        rooms = rig.rooms();
        server = rig.server();
        chromium.viewport(800, 480);
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
        browser.findElement(By.id("btn-pause")).click();
        rooms.awaitPlayer("playing again", s -> s.status() == Status.PLAYING);
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("now-playing"), "Now playing"));
    }

    @Test
    void nextLikeSkipAndTheVolumeSliderCappedByTheOwner() throws InterruptedException {
        rooms.cameraSees(HAPPY_FACE);
        open();
        List<WebElement> cards = cards();
        long first = Long.parseLong(cards.get(0).getAttribute("data-track-id"));
        long second = Long.parseLong(cards.get(1).getAttribute("data-track-id"));
        long third = Long.parseLong(cards.get(2).getAttribute("data-track-id"));
        cards.get(0).click();
        rooms.awaitAudible(first);

        browser.findElement(By.id("btn-next")).click();
        rooms.awaitPlayer("the second card", s -> s.track() != null && s.track().id() == second);
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("np-title"),
                rooms.catalog.track(second).orElseThrow().title()));

        WebElement like = browser.findElement(By.id("btn-like"));
        like.click();
        waitFor().until(ExpectedConditions.attributeToBe(By.id("btn-like"), "aria-pressed", "true"));
        assertThat(rooms.catalog.playTallies()).anySatisfy(t -> {
            assertThat(t.trackId()).isEqualTo(second);
            assertThat(t.likes()).isEqualTo(1);
        });

        browser.findElement(By.id("btn-skip")).click();
        rooms.awaitPlayer("the third card", s -> s.track() != null && s.track().id() == third);
        waitFor().until(ExpectedConditions.attributeToBe(By.id("btn-like"), "aria-pressed", "false"));
        assertThat(rooms.catalog.playTallies()).anySatisfy(t -> {
            assertThat(t.trackId()).isEqualTo(second);
            assertThat(t.skips()).isEqualTo(1);
        });

        WebElement slider = browser.findElement(By.id("volume-slider"));
        assertThat(slider.getAttribute("max")).as("the slider ends at the owner's cap")
                .isEqualTo(String.valueOf(Math.round(RealRooms.VOLUME_CAP * 100)));
        assertThat(text("volume-cap")).isEqualTo("max 80%");
        browser.executeScript("const s = arguments[0]; s.value = '30';"
                + "s.dispatchEvent(new Event('input')); s.dispatchEvent(new Event('change'));", slider);
        rooms.awaitPlayer("at 30%", s -> Math.abs(s.volume() - 0.3) < 1e-9);
        waitFor().until(ExpectedConditions.textToBe(By.id("volume"), "30%"));
        rooms.player.setVolumeCap(0.25); // the owner lowers the cap: the volume follows, and so does the slider
        waitFor().until(ExpectedConditions.attributeToBe(By.id("volume-slider"), "max", "25"));
        waitFor().until(ExpectedConditions.textToBe(By.id("volume"), "25%"));
    }

    @Test
    void theIdleScreenComesWhenNobodyIsThereAndGoesOnATouchOrAFace() {
        browser.get(base() + "/?idle=1");
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("idle")));
        assertThat(text("idle-clock")).matches("\\d{1,2}:\\d{2}.*");

        // A touch wakes it, and is not a tap on the card beneath.
        browser.findElement(By.id("idle")).click();
        waitFor().until(ExpectedConditions.invisibilityOfElementLocated(By.id("idle")));
        assertThat(rooms.player.state().status()).isEqualTo(Status.STOPPED);

        // A fresh page with nobody there rests again; a face in view wakes it.
        browser.get(base() + "/?idle=1");
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("idle")));
        rooms.cameraSees(HAPPY_FACE);
        waitFor().until(ExpectedConditions.invisibilityOfElementLocated(By.id("idle")));
        assertThat(text("mood-label")).isEqualTo("Happy");
    }

    /** Readable at a metre on the smallest panel: big mood and titles, nothing a person must read below 13 px. */
    @Test
    void textIsLargeEnoughAndContrastMeetsWcagAa() {
        rooms.cameraSees(HAPPY_FACE);
        open();
        waitFor().until(ExpectedConditions.textToBe(By.id("mood-label"), "Happy"));
        assertThat(fontPx("mood-label")).isGreaterThanOrEqualTo(24);
        assertThat(fontPx(cards().get(0).findElement(By.className("card-title")))).isGreaterThanOrEqualTo(16);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> small = (List<Map<String, Object>>) browser.executeScript(
                "return [...document.querySelectorAll('body *')].filter(e => e.childNodes.length"
                        + " && [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())"
                        + " && e.offsetParent !== null && !e.closest('.status-line'))"
                        + " .map(e => ({text: e.textContent.trim().slice(0, 30), px: parseFloat(getComputedStyle(e).fontSize)}))"
                        + " .filter(t => t.px < 13)");
        assertThat(small).as("text under 13 px outside the licence line").isEmpty();

        // WCAG 2.1 contrast of each text's colour against the first opaque background behind it.
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> poor = (List<Map<String, Object>>) browser.executeScript(CONTRAST_SCRIPT);
        assertThat(poor).as("text below WCAG AA contrast (4.5:1, 3:1 for large text)").isEmpty();
    }

    /** Collects visible text whose contrast ratio is below AA; backgrounds are read from the element upward. */
    static final String CONTRAST_SCRIPT = """
            const rgb = (c) => { const v = (c.match(/[\\d.]+/g) || []).map(Number);
                return c.startsWith('color(srgb') ? v.map((x, i) => i < 3 ? x * 255 : x) : v; };
            const lum = ([r, g, b]) => [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92
                : Math.pow((v + 0.055) / 1.055, 2.4); }).reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
            const background = (e) => { for (; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor);
                if (c.length === 3 || (c.length === 4 && c[3] === 1)) return c.slice(0, 3); } return [255, 255, 255]; };
            return [...document.querySelectorAll('body *')].filter(e => e.offsetParent !== null
                  && [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())
                  && !e.closest('button:disabled, [hidden]'))
              .map(e => { const s = getComputedStyle(e); const fg = rgb(s.color).slice(0, 3);
                const a = lum(fg), b = lum(background(e)); const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
                const px = parseFloat(s.fontSize); const large = px >= 24 || (px >= 18.66 && Number(s.fontWeight) >= 700);
                return {text: e.textContent.trim().slice(0, 30), ratio: Math.round(ratio * 100) / 100, need: large ? 3 : 4.5}; })
              .filter(t => t.ratio < t.need);
            """;

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
            List<WebElement> targets = browser.findElements(By.cssSelector(".chip, .icon-button, #btn-more, #volume-slider"));
            assertThat(targets).hasSizeGreaterThanOrEqualTo(13);
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
    void adminPageWithoutASettingsStoreSaysSoAndShowsNoStatus() {
        rooms.cameraSees(NEUTRAL_FACE);
        chromium.viewport(390, 844);
        browser.get(base() + "/admin");
        // No settings store, so no sign-in, so no status: the mood is only for the signed-in owner.
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("admin-message"),
                "Settings are not available"));
        assertThat(browser.findElement(By.id("owner")).isDisplayed()).isFalse();
        assertThat(text("admin-mood")).isEmpty();
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

    private static double fontPx(String id) {
        return fontPx(browser.findElement(By.id(id)));
    }

    private static double fontPx(WebElement element) {
        return Double.parseDouble(element.getCssValue("font-size").replace("px", ""));
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
