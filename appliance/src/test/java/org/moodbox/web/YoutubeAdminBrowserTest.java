package org.moodbox.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.moodbox.youtube.FakeYoutubeApi;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The owner's "Phones and YouTube" section on a phone-sized page in a real browser: it appears once signed
 * in, a bad budget is refused next to its field, the phone-link choice and the search switch are saved, and
 * the API key goes in and comes back only as a hint.
 */
class YoutubeAdminBrowserTest {
    private static final String PASSWORD = "a long admin password";
    @RegisterExtension
    final WebRig rig = WebRig.withOwner();
    private YoutubeRooms box;
    private HeadlessChromium chromium;
    private ChromeDriver browser;

    @BeforeEach
    void start() throws Exception {
        chromium = HeadlessChromium.start();
        browser = chromium.driver();
        box = YoutubeRooms.start(rig);
        chromium.viewport(390, 844);
    }

    @AfterEach
    void stop() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void theOwnerChoosesSpotifyLinksTurnsSearchOnAndStoresAKeySeenOnlyAsAHint() throws Exception {
        browser.get(box.base() + "/admin");
        wait(ExpectedConditions.visibilityOfElementLocated(By.id("setup-form")));
        assertThat(browser.findElement(By.id("youtube-form")).isDisplayed()).as("hidden before sign-in").isFalse();
        type("setup-password", PASSWORD);
        type("setup-confirm", PASSWORD);
        browser.findElement(By.id("setup-submit")).click();
        wait(ExpectedConditions.visibilityOfElementLocated(By.id("youtube-form")));
        wait(d -> browser.findElement(By.id("youtube-key-state")).getText().contains("No key"));
        assertThat(browser.findElement(By.cssSelector("input[name=phoneLink][value=youtube]")).isSelected()).isTrue();

        type("youtube-quota", "50");
        browser.findElement(By.id("youtube-save")).click();
        wait(ExpectedConditions.visibilityOfElementLocated(By.id("error-youtube.dailyQuotaUnits")));
        assertThat(browser.findElement(By.id("error-youtube.dailyQuotaUnits")).getText()).contains("100");
        assertThat(box.settings.current().youtube().dailyQuotaUnits()).isEqualTo(10_000);

        type("youtube-key", "not-a-key");
        browser.findElement(By.id("youtube-key-save")).click();
        wait(ExpectedConditions.visibilityOfElementLocated(By.id("error-apiKey")));
        type("youtube-key", FakeYoutubeApi.KEY);
        browser.findElement(By.id("youtube-key-save")).click();
        wait(d -> browser.findElement(By.id("youtube-key-state")).getText().contains("\u20261234"));
        assertThat(browser.findElement(By.id("youtube-key")).getDomProperty("value")).isEmpty();
        assertThat(box.key.value()).contains(FakeYoutubeApi.KEY);

        tap(By.cssSelector("input[name=phoneLink][value=spotify]"));
        tap(By.id("youtube-search"));
        type("youtube-quota", "2000");
        browser.findElement(By.id("youtube-save")).click();
        wait(ExpectedConditions.textToBePresentInElementLocated(By.id("youtube-saved"), "Saved"));
        assertThat(box.settings.current().youtube().phoneLink()).isEqualTo("spotify");
        assertThat(box.settings.current().youtube().searchEnabled()).isTrue();
        assertThat(box.settings.current().youtube().dailyQuotaUnits()).isEqualTo(2000);
        assertThat(browser.findElement(By.id("youtube-quota-used")).getText()).contains("of 2000 units")
                .contains("midnight Pacific time");
        assertThat(browser.getPageSource()).doesNotContain(FakeYoutubeApi.KEY);

        WebElement section = browser.findElement(By.id("youtube-form"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'start'})", section);
        chromium.screenshot("admin-youtube-390x844");
    }

    private void type(String id, String text) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    private <T> T wait(java.util.function.Function<? super org.openqa.selenium.WebDriver, T> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(10)).until(condition);
    }

    /** Taps a control as a thumb would: in the middle of the screen, not under the sticky section links. */
    private void tap(By control) {
        WebElement element = browser.findElement(control);
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }
}
