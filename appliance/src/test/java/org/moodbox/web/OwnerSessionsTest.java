package org.moodbox.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.moodbox.web.admin.AdminSessions;

/** Anonymous visitors, however many, cannot sign the owner out (real HTTP on loopback, bounded loop). */
class OwnerSessionsTest {
    @RegisterExtension
    final WebRig rig = WebRig.withOwner();
    private RealRooms rooms;
    private WebServer server;

    @BeforeEach
    void start() throws Exception {
        rooms = rig.rooms();
        Path data = rig.data();
        server = rig.server();
    }

    @Test
    void anonymousSessionsNeverEvictTheSignedInOwner() throws Exception {
        AdminClient owner = new AdminClient(server.port());
        owner.setUp("correct horse battery");
        assertThat(owner.get("/admin/api/settings").status()).isEqualTo(200);

        int anonymous = AdminSessions.MAX_ANONYMOUS * 2 + 1;
        for (int i = 0; i < anonymous; i++) {
            // No cookie sent: every request opens one more anonymous session.
            assertThat(RawHttp.request(server.port(), "GET", "/admin/api/session", "127.0.0.1:" + server.port(), "",
                    null).cookie()).isPresent();
        }

        assertThat(owner.get("/admin/api/settings").status()).isEqualTo(200);
        assertThat(owner.get("/admin/api/session").json().path("signedIn").asBoolean()).isTrue();
    }
}
