package org.moodbox.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.moodbox.mqtt.MqttRoom;
import org.moodbox.settings.SecretFile;
import org.moodbox.testing.Mosquitto;
import org.moodbox.web.admin.MqttAdminRoutes;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The owner links the box to a real Mosquitto from a phone-sized page in real Chromium: a wrong port is refused
 * next to its field, TLS follows the port, the password is saved write-only, and the section shows the link
 * connected with the base topic in use; mood sharing and a group are saved. Screenshot:
 * target/screenshots/admin-mqtt-390x844.png.
 */
class MqttAdminBrowserTest {
    @RegisterExtension
    final WebRig rig = WebRig.withOwner();
    private Mosquitto broker;
    private HeadlessChromium chromium;
    private ChromeDriver browser;
    private int port;

    @BeforeEach
    void start() throws Exception {
        chromium = HeadlessChromium.start();
        browser = chromium.driver();
        broker = Mosquitto.start(rig.folder().resolve("broker"));
        SecretFile secret = SecretFile.open(rig.data(), "mqtt-password");
        MqttRoom room = rig.closeAfter(MqttAdminApiTest.startRoom(rig, secret));
        port = rig.with(new MqttAdminRoutes(room, secret)).server().port();
        chromium.viewport(390, 844);
    }

    @AfterEach
    void stop() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void theOwnerLinksTheBoxToABrokerFromThePhone() throws Exception {
        browser.get("http://127.0.0.1:" + port + "/admin");
        visible("setup-form");
        type("setup-password", MqttAdminApiTest.ADMIN_PASSWORD);
        type("setup-confirm", MqttAdminApiTest.ADMIN_PASSWORD);
        browser.findElement(By.id("setup-submit")).click();
        visible("owner");
        wait(ExpectedConditions.textToBePresentInElementLocated(By.id("mqtt-state"), "Off"));
        assertThat(value("mqtt-prefix")).isEqualTo("homeassistant");

        // A port that is not a number is refused next to its field; nothing is linked.
        click("mqtt-enabled");
        type("mqtt-host", "127.0.0.1");
        type("mqtt-port", "eighteen");
        browser.findElement(By.id("mqtt-save")).click();
        wait(ExpectedConditions.visibilityOfElementLocated(By.id("error-mqtt.port")));
        assertThat(rig.settings().current().mqtt().enabled()).isFalse();

        // TLS follows the port as it is typed: off for 1883, on for any other; the owner may untick it (the test
        // broker's plain listener is on a free port, not 1883).
        type("mqtt-port", "1883");
        browser.findElement(By.id("mqtt-user")).click(); // leaving the field is its change event
        assertThat(browser.findElement(By.id("mqtt-tls")).isSelected()).isFalse();
        type("mqtt-port", Integer.toString(broker.port()));
        browser.findElement(By.id("mqtt-user")).click();
        assertThat(browser.findElement(By.id("mqtt-tls")).isSelected()).isTrue();
        click("mqtt-tls");
        type("mqtt-user", Mosquitto.USER);
        click("mqtt-follow");
        type("mqtt-group", "cafes");
        browser.findElement(By.id("mqtt-save")).click();
        wait(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#mqtt-form .saved"), "Saved"));
        assertThat(rig.settings().current().mqtt().group()).isEqualTo("cafes");

        // No password yet: the broker refuses anonymous clients, and the section says why.
        wait(ExpectedConditions.textToBePresentInElementLocated(By.id("mqtt-state"), "wrong user name or password"));
        type("mqtt-password", Mosquitto.PASSWORD);
        browser.findElement(By.id("mqtt-password-save")).click();
        wait(ExpectedConditions.textToBePresentInElementLocated(By.id("mqtt-password-state"), "A password is stored"));
        assertThat(value("mqtt-password")).as("never shown back").isEmpty();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(
                ExpectedConditions.textToBePresentInElementLocated(By.id("mqtt-state"), "Connected to mqtt://127.0.0.1:"));
        assertThat(text("mqtt-last")).contains("Last message").contains("moodbox/testbox/");
        assertThat(browser.getPageSource()).doesNotContain(Mosquitto.PASSWORD);

        browser.executeScript("document.getElementById('mqtt-form').scrollIntoView()");
        chromium.screenshot("admin-mqtt-390x844");
    }

    private void click(String id) {
        browser.findElement(By.id(id)).click();
    }

    private void visible(String id) {
        wait(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    private void type(String id, String text) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private String value(String id) {
        return browser.findElement(By.id(id)).getDomProperty("value");
    }

    private void wait(java.util.function.Function<? super org.openqa.selenium.WebDriver, ?> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(condition);
    }
}
