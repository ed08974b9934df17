package org.moodbox.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moodbox.settings.AdminSecrets;
import org.moodbox.settings.SettingsStore;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The owner's first visit on a phone-sized viewport in a real browser: set the password, sign out and in
 * again, change the volume cap, see it saved (on the page and in the store), and see a bad value refused next
 * to its field. The screenshot of the saved form is a test artifact.
 */
class AdminBrowserTest {
    private static final String PASSWORD = "a long admin password";
    @TempDir
    Path folder;
    private RealRooms rooms;
    private WebServer server;
    private SettingsStore settings;
    private HeadlessChromium chromium;
    private ChromeDriver browser;

    @BeforeEach
    void start() throws Exception {
        chromium = HeadlessChromium.start();
        browser = chromium.driver();
        rooms = RealRooms.in(folder);
        Path data = Files.createDirectories(folder.resolve("data"));
        settings = SettingsStore.open(data);
        server = rooms.startServer(settings, AdminSecrets.open(data));
        chromium.viewport(390, 844);
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (rooms != null) {
            rooms.close();
        }
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void setsThePasswordSignsInAndSavesTheVolumeCap() throws Exception {
        browser.get("http://127.0.0.1:" + server.port() + "/admin");
        visible("setup-form");
        type("setup-password", PASSWORD);
        type("setup-confirm", PASSWORD);
        browser.findElement(By.id("setup-submit")).click();
        visible("settings-form");

        // Sign out and in again, as the owner will on later visits.
        browser.findElement(By.id("signout")).click();
        visible("signin-form");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("signin-password");
        type("signin-password", PASSWORD);
        browser.findElement(By.id("signin-password")).sendKeys(Keys.ENTER); // keyboard submit works
        visible("settings-form");
        assertThat(value("settings-volume-cap")).isEqualTo("80");

        // A bad value is refused next to its field and nothing changes.
        type("settings-volume-cap", "150");
        browser.findElement(By.id("settings-save")).click();
        wait(ExpectedConditions.visibilityOfElementLocated(By.id("error-volumeCap")));
        assertThat(browser.findElement(By.id("error-volumeCap")).getText()).contains("between 0 and 1");
        assertThat(browser.findElement(By.id("settings-volume-cap")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(settings.current().volumeCap()).isEqualTo(0.8);

        type("settings-volume-cap", "65");
        type("settings-languages", "en, de");
        browser.findElement(By.id("settings-save")).click();
        wait(ExpectedConditions.textToBePresentInElementLocated(By.id("settings-saved"), "Saved"));
        assertThat(browser.findElement(By.id("error-volumeCap")).isDisplayed()).isFalse();
        assertThat(settings.current().volumeCap()).isEqualTo(0.65);
        assertThat(settings.current().languages()).containsExactly("en", "de");

        // What a reload shows comes from the box, not from the form's memory.
        browser.navigate().refresh();
        visible("settings-form");
        wait(d -> "65".equals(value("settings-volume-cap")));
        assertThat(value("settings-languages")).isEqualTo("en, de");
        browser.findElement(By.id("settings-save")).click();
        wait(ExpectedConditions.textToBePresentInElementLocated(By.id("settings-saved"), "Saved"));
        browser.executeScript("document.getElementById('settings-saved').scrollIntoView({block: 'center'})");
        Path shot = chromium.screenshot("admin-settings-390x844");
        assertThat(shot).exists();
    }

    private void visible(String id) {
        wait(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    private void type(String id, String text) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    private String value(String id) {
        return browser.findElement(By.id(id)).getDomProperty("value");
    }

    private <T> T wait(java.util.function.Function<? super org.openqa.selenium.WebDriver, T> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(10)).until(condition);
    }
}
