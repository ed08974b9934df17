package org.moodbox.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files in systemd/ checked by systemd's own tools (Debian package systemd) against a temporary root:
 * systemd's stock units (for sysinit.target and friends), our units in /etc/systemd/system, and stub programs
 * at the ExecStart paths, which exist only on the box. systemd-analyze exits 0 on an unknown key and only
 * warns, so any output at all fails the test.
 */
class SystemdUnitsTest {
    private static final Path UNITS = Path.of("..", "systemd").toAbsolutePath().normalize();
    private static final Path STOCK_UNITS = Path.of("/usr/lib/systemd/system");
    private static final List<String> OUR_UNITS = List.of("moodbox.service", "moodbox-kiosk.service");
    private static final List<String> PROGRAMS_ON_THE_BOX = List.of("/usr/bin/moodbox", "/usr/bin/cage", "/usr/bin/chromium");

    @TempDir
    Path root;

    @BeforeEach
    void needsSystemdTools() {
        assumeTrue(onPath("systemd-analyze"),
                "systemd-analyze is not installed (Debian package systemd): the unit files were not verified");
        assumeTrue(Files.isDirectory(STOCK_UNITS), "no " + STOCK_UNITS + ": systemd's own units are needed as the base");
    }

    @Test
    void unitsVerifyCleanly() throws Exception {
        buildRoot(PROGRAMS_ON_THE_BOX);
        List<String> command = new ArrayList<>(List.of("systemd-analyze", "verify", "--root=" + root));
        command.addAll(OUR_UNITS);
        assertClean(run(command));
    }

    @Test
    void theCheckItselfCatchesAnUnknownKeyAndAMissingProgram() throws Exception {
        buildRoot(List.of("/usr/bin/moodbox", "/usr/bin/chromium")); // no cage
        Files.writeString(root.resolve("etc/systemd/system/moodbox.service"), "\n[Service]\nWatchdogSecs=30\n",
                java.nio.file.StandardOpenOption.APPEND);
        Result result = run(List.of("systemd-analyze", "verify", "--root=" + root, "moodbox.service",
                "moodbox-kiosk.service"));
        assertThat(result.output()).contains("Unknown key 'WatchdogSecs'").contains("/usr/bin/cage is not executable");
        assertThat(result.exitCode()).isNotZero();
    }

    @Test
    void sysusersDeclaresTheServiceUsers() throws Exception {
        assumeTrue(onPath("systemd-sysusers"), "systemd-sysusers is not installed (Debian package systemd)");
        Files.createDirectories(root.resolve("etc"));
        Result result = run(List.of("systemd-sysusers", "--dry-run", "--root=" + root,
                UNITS.resolve("moodbox.sysusers").toString()));
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("Creating user 'moodbox'").contains("Creating user 'moodbox-kiosk'")
                .contains("Creating group 'gpio'").doesNotContain("ignoring");
    }

    @Test
    void tmpfilesCreatesTheFoldersWithTheirOwners() throws Exception {
        assumeTrue(onPath("systemd-tmpfiles") && onPath("systemd-sysusers"), "systemd-tmpfiles is not installed");
        assumeTrue("root".equals(System.getProperty("user.name")),
                "tmpfiles check skipped: giving folders to the moodbox user needs root");
        Files.createDirectories(root.resolve("etc"));
        assertClean(run(List.of("systemd-sysusers", "--root=" + root, UNITS.resolve("moodbox.sysusers").toString())),
                "Creating ");
        assertClean(run(List.of("systemd-tmpfiles", "--create", "--root=" + root,
                UNITS.resolve("moodbox.tmpfiles").toString())));
        assertThat(root.resolve("var/lib/moodbox/music")).isDirectory();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("etc/moodbox"))))
                .isEqualTo("rwxr-x---");
    }

    private void buildRoot(List<String> programs) throws IOException {
        Path stock = root.resolve("usr/lib/systemd/system");
        Files.createDirectories(stock);
        try (Stream<Path> units = Files.list(STOCK_UNITS)) {
            for (Path unit : (Iterable<Path>) units.filter(Files::isRegularFile)::iterator) {
                Files.copy(unit, stock.resolve(unit.getFileName()));
            }
        }
        Path ours = Files.createDirectories(root.resolve("etc/systemd/system"));
        for (String unit : OUR_UNITS) {
            Files.copy(UNITS.resolve(unit), ours.resolve(unit), StandardCopyOption.REPLACE_EXISTING);
        }
        for (String program : programs) {
            Path stub = root.resolve(program.substring(1));
            Files.createDirectories(stub.getParent());
            Files.writeString(stub, "#!/bin/sh\nexit 0\n");
            Files.setPosixFilePermissions(stub, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private static void assertClean(Result result, String... expectedLinePrefixes) {
        List<String> unexpected = result.output().lines()
                .filter(line -> Stream.of(expectedLinePrefixes).noneMatch(line::startsWith)).toList();
        assertThat(unexpected).as("output of a clean check").isEmpty();
        assertThat(result.exitCode()).isZero();
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        return Stream.of(path.split(":")).anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }
}
