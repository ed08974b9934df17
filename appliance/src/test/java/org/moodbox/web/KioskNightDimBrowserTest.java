package org.moodbox.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.moodbox.settings.ScreenSchedule;
import org.moodbox.settings.Settings;
import org.moodbox.settings.SettingsStore;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The night-dim schedule in a real browser: the page dims when a saved schedule covers the browser's time,
 * undims when it no longer does, both live from the settings event, and a dimmed card still takes the tap.
 *
 * <p>The browser's clock is set by the test to 23:30, so the result never depends on when it runs: 22:00 to 07:00
 * (across midnight) covers it, which at most real times of day it would not; equal times never dim.
 */
class KioskNightDimBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    @RegisterExtension
    final WebRig rig = WebRig.withOwner();

    @Test
    void thePageDimsAndUndimsLiveWithTheSavedSchedule() throws Exception {
        SettingsStore settings = rig.settings();
        settings.save(withSchedule(settings.current(), "12:00", "12:00"));
        WebServer server = rig.server();
        try (HeadlessChromium chromium = HeadlessChromium.start()) {
            ChromeDriver browser = chromium.driver();
            chromium.viewport(800, 480);
            chromium.clockAt(LocalTime.of(23, 30));
            browser.get("http://127.0.0.1:" + server.port() + "/");
            WebDriverWait wait = new WebDriverWait(browser, WAIT);
            wait.until(d -> d.findElements(By.cssSelector(".card[data-track-id]")).size() == WebServer.CARD_COUNT);
            assertThat(dimmed(browser)).as("equal times never dim").isFalse();
            assertThat(browserMinute(browser)).as("the clock the test set").isBetween(23 * 60 + 30L, 23 * 60 + 59L);

            settings.save(withSchedule(settings.current(), "22:00", "07:00"));
            wait.until(d -> dimmed(browser));
            WebElement card = browser.findElements(By.cssSelector(".card[data-track-id]")).get(0);
            Object hit = browser.executeScript("const r = arguments[0].getBoundingClientRect();"
                    + "return arguments[0].contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2));",
                    card);
            assertThat(hit).as("the veil lets taps through to the cards").isEqualTo(true);
            wait.until(d -> "0.6".equals(browser.executeScript(
                    "return getComputedStyle(document.body, '::after').opacity;")));
            chromium.screenshot("kiosk-800x480-night-dim");

            settings.save(withSchedule(settings.current(), "07:00", "07:00"));
            wait.until(d -> !dimmed(browser));
        }
    }

    private static boolean dimmed(ChromeDriver browser) {
        return Boolean.TRUE.equals(browser.executeScript(
                "return document.documentElement.classList.contains('night-dim');"));
    }

    private static long browserMinute(ChromeDriver browser) {
        return (Long) browser.executeScript("const d = new Date(); return d.getHours() * 60 + d.getMinutes();");
    }

    private static Settings withSchedule(Settings s, String start, String end) {
        return new Settings(s.languages(), s.favouriteArtists(), s.excludedArtists(), s.volumeCap(),
                new ScreenSchedule(start, end), s.detector(), s.cameraSource());
    }
}
