package org.moodbox.web;

import org.moodbox.model.Emotion;
import org.moodbox.model.Strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.moodbox.web.admin.AdminLibraryRoutes;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.moodbox.catalog.scan.BackgroundScan;
import org.moodbox.catalog.scan.LibraryScanner;
import org.moodbox.settings.SettingsStore;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The owner on a phone-sized viewport in a real browser, against the real server, settings store and catalog:
 * first run, sign-out and keyboard sign-in, each section's settings saved and read back after a reload, bad
 * inputs refused next to their field with nothing changed, the artist search, a library rescan, the status
 * section, and a password change. Accessibility: every control has a label, keyboard focus is visible, text
 * meets WCAG AA contrast. Screenshots go to target/screenshots/.
 */
class AdminBrowserTest {
    private static final String PASSWORD = "a long admin password";
    private static final String NEW_PASSWORD = "another long password";
    @TempDir
    Path folder;
    @RegisterExtension
    final WebRig rig = WebRig.withOwner();
    private RealRooms rooms;
    private WebServer server;
    private SettingsStore settings;
    private BackgroundScan scan;
    private HeadlessChromium chromium;
    private ChromeDriver browser;
    private PageById page;
    private Path music;

    @BeforeEach
    void start() throws Exception {
        chromium = HeadlessChromium.start();
        browser = chromium.driver();
        page = new PageById(browser);
        rooms = rig.rooms();
        music = Files.createDirectories(folder.resolve("usb music"));
        settings = rig.settings();
        scan = rig.closeAfter(new BackgroundScan(new LibraryScanner(rooms.catalog, 5),
                () -> settings.current().libraryFolders().stream().map(Path::of).toList(), Clock.systemUTC()));
        server = rig.with(new AdminLibraryRoutes(scan, List::of)).server();
        chromium.viewport(390, 844);
    }

    @AfterEach
    void stop() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void theOwnerSetsUpSignsInAndSavesEverySection() throws Exception {
        browser.get("http://127.0.0.1:" + server.port() + "/admin");
        page.visible("setup-form");
        page.type("setup-password", PASSWORD);
        page.type("setup-confirm", PASSWORD);
        browser.findElement(By.id("setup-submit")).click();
        page.visible("owner");

        // Sign out and in again with the keyboard, as the owner will on later visits.
        browser.findElement(By.id("signout")).click();
        page.visible("signin-form");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("signin-password");
        page.type("signin-password", PASSWORD);
        browser.findElement(By.id("signin-password")).sendKeys(Keys.ENTER);
        page.visible("owner");

        // Music taste: languages, and a favourite found by typing part of the name.
        page.type("settings-languages", "en, de");
        page.type("favourite-search", "max");
        page.await(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-field='favouriteArtists'] .suggestion")));
        WebElement suggestion = browser.findElement(By.cssSelector("[data-field='favouriteArtists'] .suggestion"));
        assertThat(suggestion.getText()).isEqualTo("Maxstack");
        suggestion.click();
        page.type("excluded-search", "Noise Co");
        browser.findElement(By.id("excluded-search")).sendKeys(Keys.ENTER); // Enter adds the name as typed
        save("taste");
        assertThat(settings.current().languages()).containsExactly("en", "de");
        assertThat(settings.current().favouriteArtists()).containsExactly("Maxstack");
        assertThat(settings.current().excludedArtists()).containsExactly("Noise Co");

        // How to answer each mood: the options come from the box.
        Select sad = new Select(browser.findElement(By.id("strategy-sad")));
        assertThat(sad.getFirstSelectedOption().getAttribute("value")).isEqualTo("lift");
        assertThat(sad.getOptions()).extracting(WebElement::getText).containsExactly("Match", "Lift", "Calm");
        sad.selectByValue("calm");
        save("strategies");
        assertThat(settings.current().strategies()).containsEntry(Emotion.SAD, Strategy.CALM);

        // A bad value is refused next to its field, and the form's good values are not saved either.
        page.type("settings-volume-cap", "150");
        browser.executeScript("arguments[0].value = '23:15'", browser.findElement(By.id("settings-dim-start")));
        browser.findElement(By.id("sound-save")).click();
        page.await(ExpectedConditions.visibilityOfElementLocated(By.id("error-volumeCap")));
        assertThat(page.text("error-volumeCap")).contains("between 0 and 1");
        assertThat(browser.findElement(By.id("settings-volume-cap")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(settings.current().volumeCap()).isEqualTo(0.8);
        assertThat(settings.current().screenSchedule().nightDimStart()).isEqualTo("22:00");
        page.type("settings-volume-cap", "65");
        save("sound");
        assertThat(settings.current().volumeCap()).isEqualTo(0.65);
        assertThat(settings.current().screenSchedule().nightDimStart()).isEqualTo("23:15");

        // Library: a folder that does not exist is refused; a real one is saved and scanned.
        page.type("library-folder-new", "/no/such/music");
        browser.findElement(By.id("library-save")).click();
        page.await(ExpectedConditions.visibilityOfElementLocated(By.id("error-libraryFolders")));
        assertThat(page.text("error-libraryFolders")).contains("is not a folder on this box");
        assertThat(settings.current().libraryFolders()).isEmpty();
        page.type("library-folder-new", music.toString());
        save("library");
        assertThat(settings.current().libraryFolders()).containsExactly(music.toString());
        browser.findElement(By.id("library-rescan")).click();
        page.await(ExpectedConditions.textToBePresentInElementLocated(By.id("library-scan-state"), "Scan finished"));

        // Camera: a source the box cannot open is refused; the detector select comes from the box.
        page.type("settings-camera", "/no/such/camera.mp4");
        browser.findElement(By.id("camera-save")).click();
        page.await(ExpectedConditions.visibilityOfElementLocated(By.id("error-cameraSource")));
        assertThat(settings.current().cameraSource()).isEqualTo("/dev/video0");
        Path still = folder.resolve("still.png"); // a picture FFmpeg opens as video: a camera the check accepts
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(64, 48,
                java.awt.image.BufferedImage.TYPE_3BYTE_BGR), "png", still.toFile());
        page.type("settings-camera", still.toString());
        new Select(browser.findElement(By.id("settings-detector"))).selectByValue("blazeface-full");
        save("camera");
        assertThat(settings.current().cameraSource()).isEqualTo(still.toString());
        assertThat(settings.current().detector().id()).isEqualTo("blazeface-full");
        assertThat(browser.findElement(By.id("camera-preview")).isEnabled())
                .as("no camera loop on this server: no preview").isFalse();

        // What a reload shows comes from the box, not from the form's memory.
        browser.navigate().refresh();
        page.visible("owner");
        page.await(d -> "65".equals(page.value("settings-volume-cap")));
        assertThat(page.value("settings-languages")).isEqualTo("en, de");
        assertThat(browser.findElements(By.cssSelector("[data-field='favouriteArtists'] .chip")))
                .extracting(WebElement::getText).singleElement().asString().contains("Maxstack");
        assertThat(new Select(browser.findElement(By.id("strategy-sad"))).getFirstSelectedOption()
                .getAttribute("value")).isEqualTo("calm");

        // Status: the box's figures, read signed in.
        page.await(ExpectedConditions.textToBePresentInElementLocated(By.id("admin-catalog"), "12 songs"));
        assertThat(page.text("admin-temperature")).matches("not readable|\\d+\\.\\d °C");
        assertThat(page.text("admin-uptime")).matches("\\d+ (min|h|d).*");
        assertThat(page.text("admin-output")).isNotBlank();
        browser.executeScript("window.scrollTo(0, 0)");
        chromium.screenshot("admin-status-390x844");
        browser.executeScript("document.getElementById('strategies').scrollIntoView()");
        chromium.screenshot("admin-moods-390x844");
    }

    @Test
    void thePasswordChangesOnlyWithTheCurrentOne() {
        browser.get("http://127.0.0.1:" + server.port() + "/admin");
        page.visible("setup-form");
        page.type("setup-password", PASSWORD);
        page.type("setup-confirm", PASSWORD);
        browser.findElement(By.id("setup-submit")).click();
        page.visible("owner");

        page.type("password-current", "not it");
        page.type("password-new", NEW_PASSWORD);
        page.type("password-confirm", NEW_PASSWORD);
        browser.findElement(By.id("password-save")).click();
        page.await(ExpectedConditions.visibilityOfElementLocated(By.id("error-currentPassword")));
        assertThat(page.text("error-currentPassword")).isEqualTo("is not the current password");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("password-current");

        page.type("password-current", PASSWORD);
        page.type("password-new", NEW_PASSWORD);
        page.type("password-confirm", NEW_PASSWORD);
        browser.findElement(By.id("password-save")).click();
        page.await(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#password-form .saved"),
                "Password changed"));

        browser.findElement(By.id("signout")).click();
        page.visible("signin-form");
        page.type("signin-password", PASSWORD);
        browser.findElement(By.id("signin-submit")).click();
        page.await(ExpectedConditions.textToBePresentInElementLocated(By.id("admin-message"), "wrong password"));
        page.type("signin-password", NEW_PASSWORD);
        browser.findElement(By.id("signin-submit")).click();
        page.visible("owner");
    }

    @Test
    void everyControlHasALabelFocusIsVisibleAndTextMeetsAaContrast() {
        browser.get("http://127.0.0.1:" + server.port() + "/admin");
        page.visible("setup-form");
        page.type("setup-password", PASSWORD);
        page.type("setup-confirm", PASSWORD);
        browser.findElement(By.id("setup-submit")).click();
        page.visible("owner");
        page.await(d -> !browser.findElements(By.cssSelector("#strategy-rows select")).isEmpty());

        @SuppressWarnings("unchecked")
        List<String> unlabelled = (List<String>) browser.executeScript(
                "return [...document.querySelectorAll('input, select, textarea')]"
                        + ".filter(e => e.type !== 'hidden' && !(e.labels && e.labels.length) && !e.getAttribute('aria-label'))"
                        + ".map(e => e.id || e.outerHTML.slice(0, 60))");
        assertThat(unlabelled).as("controls without a label").isEmpty();

        // Keyboard: Tab from the languages box reaches the next control, and the ring around it is visible.
        browser.findElement(By.id("settings-languages")).click();
        browser.switchTo().activeElement().sendKeys(Keys.TAB);
        WebElement focused = browser.switchTo().activeElement();
        assertThat(focused.getAttribute("id")).isEqualTo("favourite-search");
        assertThat(focused.getCssValue("outline-style")).isEqualTo("solid");
        assertThat(Double.parseDouble(focused.getCssValue("outline-width").replace("px", ""))).isGreaterThanOrEqualTo(2);

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> poor = (List<Map<String, Object>>) browser.executeScript(
                KioskBrowserTest.CONTRAST_SCRIPT);
        assertThat(poor).as("text below WCAG AA contrast").isEmpty();
    }

    private void save(String section) {
        String form = section.equals("sound") ? "sound-screen" : section.equals("camera") ? "camera-form"
                : section.equals("library") ? "library-form" : section;
        browser.findElement(By.id(section + "-save")).click();
        try {
            page.await(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#" + form + " .saved"), "Saved"));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("not saved; the form says: " + browser.findElement(By.id(form)).getText(), e);
        }
    }

}
