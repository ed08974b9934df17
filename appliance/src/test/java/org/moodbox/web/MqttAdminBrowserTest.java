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
    private PageById page;
    private int port;

    @BeforeEach
    void start() throws Exception {
        chromium = HeadlessChromium.start();
        browser = chromium.driver();
        page = new PageById(browser);
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
        page.visible("setup-form");
        page.type("setup-password", MqttAdminApiTest.ADMIN_PASSWORD);
        page.type("setup-confirm", MqttAdminApiTest.ADMIN_PASSWORD);
        browser.findElement(By.id("setup-submit")).click();
        page.visible("owner");
        page.await(ExpectedConditions.textToBePresentInElementLocated(By.id("mqtt-state"), "Off"));
        assertThat(page.value("mqtt-prefix")).isEqualTo("homeassistant");

        // A port that is not a number is refused next to its field; nothing is linked.
        page.click("mqtt-enabled");
        page.type("mqtt-host", "127.0.0.1");
        page.type("mqtt-port", "eighteen");
        browser.findElement(By.id("mqtt-save")).click();
        page.await(ExpectedConditions.visibilityOfElementLocated(By.id("error-mqtt.port")));
        assertThat(rig.settings().current().mqtt().enabled()).isFalse();

        // TLS follows the port as it is typed: off for 1883, on for any other; the owner may untick it (the test
        // broker's plain listener is on a free port, not 1883).
        page.type("mqtt-port", "1883");
        browser.findElement(By.id("mqtt-user")).click(); // leaving the field is its change event
        assertThat(browser.findElement(By.id("mqtt-tls")).isSelected()).isFalse();
        page.type("mqtt-port", Integer.toString(broker.port()));
        browser.findElement(By.id("mqtt-user")).click();
        assertThat(browser.findElement(By.id("mqtt-tls")).isSelected()).isTrue();
        page.click("mqtt-tls");
        page.type("mqtt-user", Mosquitto.USER);
        page.click("mqtt-follow");
        page.type("mqtt-group", "cafes");
        browser.findElement(By.id("mqtt-save")).click();
        page.await(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#mqtt-form .saved"), "Saved"));
        assertThat(rig.settings().current().mqtt().group()).isEqualTo("cafes");

        // No password yet: the broker refuses anonymous clients, and the section says why.
        page.await(ExpectedConditions.textToBePresentInElementLocated(By.id("mqtt-state"), "wrong user name or password"));
        page.type("mqtt-password", Mosquitto.PASSWORD);
        browser.findElement(By.id("mqtt-password-save")).click();
        page.await(ExpectedConditions.textToBePresentInElementLocated(By.id("mqtt-password-state"), "A password is stored"));
        assertThat(page.value("mqtt-password")).as("never shown back").isEmpty();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(
                ExpectedConditions.textToBePresentInElementLocated(By.id("mqtt-state"), "Connected to mqtt://127.0.0.1:"));
        assertThat(page.text("mqtt-last")).contains("Last message").contains("moodbox/testbox/");
        assertThat(browser.getPageSource()).doesNotContain(Mosquitto.PASSWORD);

        browser.executeScript("document.getElementById('mqtt-form').scrollIntoView()");
        chromium.screenshot("admin-mqtt-390x844");
    }

}
