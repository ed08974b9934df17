package org.moodbox.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@code --mqtt}: the forms a script writes, the ports each scheme implies, and clear refusals. */
class MqttUrlTest {
    @Test
    void readsTheSchemeCredentialsHostAndPort() {
        MqttUrl url = MqttUrl.parse("mqtts://box%40home:p%3Ass+w@broker.local:9883");
        assertThat(url.tls()).isTrue();
        assertThat(url.host()).isEqualTo("broker.local");
        assertThat(url.port()).isEqualTo(9883);
        assertThat(url.user()).isEqualTo("box@home");
        assertThat(url.password()).contains("p:ss+w");
        assertThat(url.toString()).isEqualTo("mqtts://box@home@broker.local:9883").doesNotContain("p:ss");
    }

    @Test
    void eachSchemeHasItsUsualPort() {
        assertThat(MqttUrl.parse("mqtt://127.0.0.1").port()).isEqualTo(1883);
        assertThat(MqttUrl.parse("mqtts://127.0.0.1").port()).isEqualTo(8883);
        assertThat(MqttUrl.parse("mqtt://u@h:1884").password()).isEmpty();
    }

    @Test
    void refusesWhatIsNotABrokerAddress() {
        assertThatThrownBy(() -> MqttUrl.parse("http://broker:1883")).hasMessageContaining("mqtt:// or mqtts://");
        assertThatThrownBy(() -> MqttUrl.parse("mqtt://")).hasMessageContaining("mqtt://broker.local:1883");
        assertThatThrownBy(() -> MqttUrl.parse("mqtt://broker/topic")).hasMessageContaining("no path");
        assertThatThrownBy(() -> MqttUrl.parse("mqtt://bro ker")).hasMessageContaining("not a URL");
    }
}
