package org.moodbox.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The owner's broker link as the admin page saves it: defaults, TLS by port, and every field's refusal. */
class MqttSettingsTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aNewBoxHasNoLinkAndHomeAssistantsPrefix() {
        MqttSettings m = Settings.defaults().mqtt();
        assertThat(m.enabled()).isFalse();
        assertThat(m.discoveryPrefix()).isEqualTo("homeassistant");
        assertThat(m.shareMood()).isTrue();
        assertThat(Settings.defaults().cameraOn()).isTrue();
    }

    @Test
    void tlsFollowsThePortUnlessTheOwnerSaysSo() throws Exception {
        Settings base = Settings.defaults();
        assertThat(SettingsJson.read(json.readTree("{\"mqtt\": {\"port\": 8883}}"), base).mqtt().tls()).isTrue();
        assertThat(SettingsJson.read(json.readTree("{\"mqtt\": {\"port\": 1883}}"), base).mqtt().tls()).isFalse();
        assertThat(SettingsJson.read(json.readTree("{\"mqtt\": {\"port\": 8883, \"tls\": false}}"), base).mqtt().tls())
                .isFalse();
    }

    @Test
    void everyBadFieldIsNamed() {
        assertThatThrownBy(() -> SettingsJson.read(json.readTree("""
                {"mqtt": {"enabled": true, "host": "", "port": 70000, "caFile": "relative.pem", "baseTopic": "a/#",
                 "discoveryPrefix": "/ha", "followGroup": true, "group": "", "colour": 1}, "cameraOn": "yes"}"""),
                Settings.defaults()))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.fieldErrors()).containsKeys(
                        "mqtt.host", "mqtt.port", "mqtt.caFile", "mqtt.baseTopic", "mqtt.discoveryPrefix", "mqtt.group",
                        "mqtt.colour", "cameraOn"));
        assertThatThrownBy(() -> new MqttSettings(false, "", 1883, false, "", "", "", "homeassistant", true, false,
                "two/levels")).hasMessageContaining("one topic level");
    }

    @Test
    void theLinkAndTheCameraSwitchSurviveAWriteAndARead() throws Exception {
        Settings saved = SettingsJson.read(json.readTree("""
                {"mqtt": {"enabled": true, "host": "broker.local", "port": 8883, "user": "box", "baseTopic": "home/box",
                 "shareMood": false, "followGroup": true, "group": "cafes"}, "cameraOn": false}"""), Settings.defaults());
        Settings back = SettingsJson.read(SettingsJson.write(json, saved), Settings.defaults());
        assertThat(back).isEqualTo(saved);
        assertThat(back.mqtt().toString()).doesNotContain("password");
    }
}
