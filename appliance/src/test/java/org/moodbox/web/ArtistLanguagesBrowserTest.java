package org.moodbox.web;

import static org.assertj.core.api.Assertions.assertThat;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.support.ui.Select;

/**
 * The owner's "Languages of artists" section in a real browser on a phone-sized viewport: hidden until
 * signed in, search an artist, pick a language, see it saved on the page and in the catalog.
 */
class ArtistLanguagesBrowserTest {
    private static final String PASSWORD = "a long admin password";
    @RegisterExtension
    final WebRig rig = WebRig.withOwner();
    private RealRooms rooms;
    private WebServer server;
    private HeadlessChromium chromium;
    private ChromeDriver browser;

    @BeforeEach
    void start() throws Exception {
        chromium = HeadlessChromium.start();
        browser = chromium.driver();
        rooms = rig.rooms();
        Path data = rig.data();
        server = rig.server();
        chromium.viewport(390, 844);
    }

    @AfterEach
    void stop() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void theOwnerSetsAnArtistsLanguageFromThePhone() throws Exception {
        browser.get("http://127.0.0.1:" + server.port() + "/admin");
        wait(ExpectedConditions.visibilityOfElementLocated(By.id("setup-form")));
        assertThat(browser.findElement(By.id("artist-languages")).isDisplayed()).as("signed out").isFalse();
        browser.findElement(By.id("setup-password")).sendKeys(PASSWORD);
        browser.findElement(By.id("setup-confirm")).sendKeys(PASSWORD);
        browser.findElement(By.id("setup-submit")).click();

        wait(ExpectedConditions.visibilityOfElementLocated(By.id("artist-languages")));
        browser.findElement(By.id("artist-languages-search")).sendKeys("maxst");
        wait(d -> d.findElements(By.cssSelector("#artist-languages-list li")).size() == 1);
        WebElement row = browser.findElement(By.cssSelector("#artist-languages-list li"));
        assertThat(row.findElement(By.className("artist-name")).getText()).isEqualTo("Maxstack");
        assertThat(row.getText()).contains("detected: instrumental");

        new Select(row.findElement(By.tagName("select"))).selectByValue("en");
        wait(ExpectedConditions.textToBePresentInElement(row.findElement(By.className("row-status")), "Saved"));
        assertThat(rooms.catalog.allTracks()).filteredOn(t -> "Maxstack".equals(t.artist()))
                .isNotEmpty().allMatch(t -> "en".equals(t.language()));

        browser.navigate().refresh();
        wait(ExpectedConditions.visibilityOfElementLocated(By.id("artist-languages")));
        browser.findElement(By.id("artist-languages-search")).sendKeys("Maxstack");
        wait(d -> d.findElements(By.cssSelector("#artist-languages-list li")).size() == 1
                && "en".equals(new Select(d.findElement(By.cssSelector("#artist-languages-list select")))
                        .getFirstSelectedOption().getDomProperty("value")));
        browser.findElement(By.id("artist-languages-search")).sendKeys(" nobody at all");
        wait(ExpectedConditions.visibilityOfElementLocated(By.id("artist-languages-empty")));
        Path shot = chromium.screenshot("admin-artist-languages-390x844");
        assertThat(shot).exists();
    }

    private <T> T wait(java.util.function.Function<? super org.openqa.selenium.WebDriver, T> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(15)).until(condition);
    }
}
