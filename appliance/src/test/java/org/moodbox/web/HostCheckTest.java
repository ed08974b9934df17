package org.moodbox.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.moodbox.settings.AdminSecrets;

/**
 * DNS rebinding against a new box, over real HTTP on loopback: a page on another domain that re-resolves to
 * the box sends that domain as Host and a matching Origin. It must not set the first admin password.
 */
class HostCheckTest {
    private static final String PASSWORD = "correct horse battery";
    private static final String SETUP = "{\"password\":\"" + PASSWORD + "\",\"confirm\":\"" + PASSWORD + "\"}";
    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    final WebRig rig = WebRig.withOwner();
    private RealRooms rooms;
    private WebServer server;
    private Path data;

    @BeforeEach
    void start() throws Exception {
        rooms = rig.rooms();
        data = rig.data();
        server = rig.server();
    }

    @Test
    void aRebindingPageCannotSetTheFirstPasswordAndTheOwnerStillCan() throws Exception {
        int port = server.port();
        String evil = "rebind.attacker.example:" + port;
        RawHttp.Answer session = RawHttp.request(port, "GET", "/admin/api/session", evil, "", null);
        assertThat(session.status()).isEqualTo(421);
        assertThat(session.cookie()).isEmpty();
        assertThat(session.body()).contains("host name");

        // Even with a session and token got the honest way, the rebinding page's own Host and Origin are refused.
        RawHttp.Answer honest = RawHttp.request(port, "GET", "/admin/api/session", "127.0.0.1:" + port, "", null);
        String cookie = honest.cookie().orElseThrow();
        String token = JSON.readTree(honest.body()).path("csrfToken").asText();
        RawHttp.Answer setup = RawHttp.request(port, "POST", "/admin/api/setup", evil,
                "Cookie: " + cookie + "\r\nOrigin: http://" + evil + "\r\nX-CSRF-Token: " + token + "\r\n", SETUP);
        assertThat(setup.status()).isEqualTo(421);
        assertThat(data.resolve(AdminSecrets.FILE_NAME)).doesNotExist();
        assertThat(RawHttp.request(port, "GET", "/", evil, "", null).status()).isEqualTo(421);
        assertThat(RawHttp.request(port, "GET", "/api/state", "localhost.attacker.example", "", null).status())
                .isEqualTo(421);

        // The owner, on the box's own address, sets the password as before.
        RawHttp.Answer owner = RawHttp.request(port, "POST", "/admin/api/setup", "localhost:" + port,
                "Cookie: " + cookie + "\r\nOrigin: http://localhost:" + port + "\r\nX-CSRF-Token: " + token + "\r\n",
                SETUP);
        assertThat(owner.status()).isEqualTo(200);
        JsonNode signedIn = JSON.readTree(owner.body());
        assertThat(signedIn.path("signedIn").asBoolean()).isTrue();
        assertThat(data.resolve(AdminSecrets.FILE_NAME)).exists();
    }

    @Test
    void originMustMatchSchemeHostAndPort() throws Exception {
        int port = server.port();
        String host = "127.0.0.1:" + port;
        RawHttp.Answer session = RawHttp.request(port, "GET", "/admin/api/session", host, "", null);
        String headers = "Cookie: " + session.cookie().orElseThrow() + "\r\nX-CSRF-Token: "
                + JSON.readTree(session.body()).path("csrfToken").asText() + "\r\n";
        for (String origin : new String[] {"https://" + host, "http://127.0.0.1:" + (port + 1), "http://127.0.0.1",
                "null", "http://" + host + "/admin"}) {
            RawHttp.Answer refused = RawHttp.request(port, "POST", "/admin/api/setup", host,
                    headers + "Origin: " + origin + "\r\n", SETUP);
            assertThat(refused.status()).as(origin).isEqualTo(403);
        }
        assertThat(data.resolve(AdminSecrets.FILE_NAME)).doesNotExist();
        assertThat(RawHttp.request(port, "POST", "/admin/api/setup", host, headers + "Origin: http://" + host + "\r\n",
                SETUP).status()).isEqualTo(200);
    }

    @Test
    void theBoxsNamesAndAddressesAreAllowedAndNothingElse() {
        HostCheck wildcard = new HostCheck("0.0.0.0", "moodbox", () -> Optional.of("http://192.0.2.7:8080/admin"));
        assertThat(wildcard.allows("moodbox")).isTrue();
        assertThat(wildcard.allows("MoodBox.local:8080")).isTrue();
        assertThat(wildcard.allows("moodbox.local.")).isTrue();
        assertThat(wildcard.allows("127.0.0.1:8080")).isTrue();
        assertThat(wildcard.allows("127.3.4.5")).isTrue();
        assertThat(wildcard.allows("[::1]:8080")).isTrue();
        assertThat(wildcard.allows("localhost")).isTrue();
        assertThat(wildcard.allows("192.0.2.7:8080")).isTrue(); // the owner's page address
        assertThat(wildcard.allows("moodbox.attacker.example")).isFalse();
        assertThat(wildcard.allows("127.0.0.1.attacker.example")).isFalse();
        assertThat(wildcard.allows("attacker.example")).isFalse();
        assertThat(wildcard.allows("moodbox:80@attacker.example")).isFalse();
        assertThat(wildcard.allows("moodbox:abc")).isFalse();
        assertThat(wildcard.allows("")).isFalse();
        assertThat(wildcard.allows(null)).isFalse();

        HostCheck bound = new HostCheck("198.51.100.4", "", Optional::empty);
        assertThat(bound.allows("198.51.100.4:18080")).isTrue();
        assertThat(bound.allows("198.51.100.5")).isFalse();
        assertThat(bound.allows(".local")).isFalse();
    }
}
