package org.moodbox.spotify.librespot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The supervisor up to its boundary, with a stand-in child process (a shell printing librespot-java 1.6.3's
 * own log lines, then exiting) instead of the real jar, which would try to reach Spotify's servers.
 */
class LibrespotSupervisorTest {
    @TempDir
    Path work;

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(50);
        }
    }

    @Test
    void noAudioKeyIsDetectedSaidPlainlyAndTheProcessIsRestarted() throws Exception {
        List<LibrespotState> seen = new CopyOnWriteArrayList<>();
        LibrespotConfig config = new LibrespotConfig("Moodbox", work, 40123, "", 0.5);
        String lines = "echo '2026-11-24 02:30:41,582 INFO  ZeroconfServer:472 - Zeroconf HTTP server started successfully on port 40123!';"
                + "echo '2026-11-24 02:31:00,000 INFO  Session:900 - Authenticated as ada42!';"
                + "echo '2026-11-24 02:31:05,000 ERROR AudioKeyManager:80 - Audio key error, code: 2';"
                + "exit 1";
        try (LibrespotSupervisor supervisor = new LibrespotSupervisor(config, List.of("sh", "-c", lines, "sh"))) {
            supervisor.subscribe(seen::add);
            supervisor.start();
            await(() -> supervisor.starts() >= 2);
            assertThat(seen).extracting(LibrespotState::phase).containsSubsequence(
                    LibrespotState.Phase.WAITING_FOR_CONNECT, LibrespotState.Phase.LOGGED_IN,
                    LibrespotState.Phase.NO_AUDIO_KEY);
            assertThat(seen.stream().filter(s -> s.phase() == LibrespotState.Phase.NO_AUDIO_KEY).findFirst()
                    .orElseThrow().message()).contains("refuses audio keys").contains("another Connect device");
            assertThat(supervisor.starts()).isGreaterThanOrEqualTo(2);
            assertThat(Files.readString(config.configFile())).contains("strategy = \"ZEROCONF\"")
                    .contains("deviceName = \"Moodbox\"");
        }
    }

    @Test
    void refusedStoredCredentialsFallBackToAConnectLoginAndNoSoundCardIsSaid() throws Exception {
        LibrespotConfig config = new LibrespotConfig("Moodbox", work, 40124, "", 0.5);
        Files.writeString(config.credentialsFile(), "{\"username\":\"x\"}");
        List<LibrespotState> seen = new CopyOnWriteArrayList<>();
        String lines = "grep -o 'strategy = \"[A-Z]*\"' \"${1#--conf-file=}\";"
                + "echo 'xyz.gianlu.librespot.core.Session$SpotifyAuthenticationException: BadCredentials';"
                + "echo 'java.lang.IllegalStateException: No mixers available for the specified search keywords: x';"
                + "exit 1";
        try (LibrespotSupervisor supervisor = new LibrespotSupervisor(config, List.of("sh", "-c", lines, "sh"))) {
            supervisor.subscribe(seen::add);
            supervisor.start();
            await(() -> supervisor.starts() >= 2);
            // The states the two lines lead to are awaited (the assertion below fails if they never come).
            await(() -> seen.stream().map(LibrespotState::phase).toList().containsAll(List.of(
                    LibrespotState.Phase.LOGIN_REFUSED, LibrespotState.Phase.NO_AUDIO_DEVICE)));
        }
        assertThat(seen).extracting(LibrespotState::phase).contains(LibrespotState.Phase.LOGIN_REFUSED,
                LibrespotState.Phase.NO_AUDIO_DEVICE);
        assertThat(Files.readString(config.configFile())).contains("strategy = \"ZEROCONF\"");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(config.credentialsFile()))).isEqualTo("rw-------");
    }
}
