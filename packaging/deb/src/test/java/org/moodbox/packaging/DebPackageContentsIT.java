package org.moodbox.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What dpkg itself reads from each package: control fields, conffiles, files with modes, natives per arch. */
class DebPackageContentsIT {

    @BeforeAll
    static void needsDpkgDeb() {
        Packages.assumeDpkgDeb();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"amd64, linux-x86_64, linux-arm64", "arm64, linux-arm64, linux-x86_64"})
    void controlFieldsAndConffiles(String arch, String ownNatives, String otherNatives) {
        String deb = Packages.deb(arch).toString();
        assertThat(Command.ok("dpkg-deb", "--field", deb, "Package").strip()).isEqualTo("moodbox");
        assertThat(Command.ok("dpkg-deb", "--field", deb, "Architecture").strip()).isEqualTo(arch);
        String depends = Command.ok("dpkg-deb", "--field", deb, "Depends");
        assertThat(depends).contains("openjdk-17-jre-headless | java17-runtime-headless");
        // What the JavaCPP FFmpeg natives link against (readelf -d): without them even 'moodbox --help' failed
        // in the arm64 image ("libva-drm.so.2: cannot open shared object file").
        assertThat(depends).contains("libasound2", "libdrm2", "libpulse0", "libva2", "libva-drm2", "libxcb1", "libxcb-shm0");
        // Pi4J's gpiod provider on the boards; an x86 test machine must not need it.
        if (arch.equals("arm64")) {
            assertThat(depends).contains("libgpiod2");
        } else {
            assertThat(depends).doesNotContain("libgpiod2");
        }
        assertThat(Command.ok("dpkg-deb", "--field", deb, "Recommends")).contains("cage", "chromium", "xwayland");
        assertThat(Command.ok("dpkg-deb", "--info", deb, "conffiles").lines()).containsExactly("/etc/moodbox/moodbox.conf");
        for (String script : List.of("postinst", "prerm", "postrm")) {
            assertThat(Command.ok("dpkg-deb", "--info", deb, script)).startsWith("#!/bin/sh");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"amd64, linux-x86_64, linux-arm64", "arm64, linux-arm64, linux-x86_64"})
    void filesModesAndOnlyOwnNatives(String arch, String ownNatives, String otherNatives) {
        List<Entry> entries = Command.ok("dpkg-deb", "--contents", Packages.deb(arch).toString())
                .lines().map(Entry::parse).toList();
        List<String> paths = entries.stream().map(Entry::path).toList();

        assertThat(entry(entries, "/usr/bin/moodbox").mode()).isEqualTo("-rwxr-xr-x");
        assertThat(entry(entries, "/usr/bin/moodbox").owner()).isEqualTo("root/root");
        assertThat(paths).contains(
                "/usr/share/moodbox/moodbox.jar",
                "/usr/share/moodbox/lib/moodbox-models-0.1.0-SNAPSHOT.jar",
                "/usr/share/moodbox/librespot/librespot-player.jar",
                "/etc/moodbox/moodbox.conf",
                "/usr/lib/systemd/system/moodbox.service",
                "/usr/lib/systemd/system/moodbox-kiosk.service",
                "/usr/lib/sysusers.d/moodbox.conf",
                "/usr/lib/tmpfiles.d/moodbox.conf",
                "/usr/lib/udev/rules.d/60-moodbox-gpio.rules",
                "/usr/share/doc/moodbox/copyright",
                "/usr/share/doc/moodbox/changelog.gz");
        // Every JavaCPP preset the appliance loads, for this architecture, and none for the other.
        for (String preset : List.of("javacpp", "tensorflow-lite", "opencv", "openblas", "ffmpeg")) {
            assertThat(paths).as(preset + " " + ownNatives)
                    .anyMatch(p -> p.matches("/usr/share/moodbox/lib/" + preset + "-[0-9.]+(-[0-9.]+)?-" + ownNatives + "\\.jar"));
        }
        assertThat(paths).noneMatch(p -> p.contains(otherNatives));
        // Plain files are 0644 root-owned; state folders are made by systemd-tmpfiles, not shipped.
        assertThat(entries).filteredOn(e -> e.mode().startsWith("-") && !e.path().equals("/usr/bin/moodbox"))
                .allSatisfy(e -> assertThat(e.mode() + " " + e.owner()).as(e.path()).isEqualTo("-rw-r--r-- root/root"));
        assertThat(paths).noneMatch(p -> p.startsWith("/var/"));
    }

    /**
     * The librespot child process is found by the appliance itself (LibrespotSupervisor.bundledJar, relative to
     * moodbox.jar): unpack the package and ask the installed classes where it is, so a layout change on either
     * side fails here rather than silently leaving the box without its own Spotify Connect device.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"amd64", "arm64"})
    void theApplianceFindsTheShippedLibrespotJar(String arch, @TempDir Path root) throws IOException {
        Command.ok("dpkg-deb", "--extract", Packages.deb(arch).toString(), root.toString());
        Path shipped = root.resolve("usr/share/moodbox/librespot/librespot-player.jar");
        try (JarFile jar = new JarFile(shipped.toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class")).as("librespot's own main")
                    .startsWith("xyz.gianlu.librespot");
        }
        Path probe = root.resolve("FindLibrespot.java");
        Files.writeString(probe, """
                public class FindLibrespot {
                    public static void main(String[] args) {
                        System.out.println(org.moodbox.spotify.librespot.LibrespotSupervisor.bundledJar()
                                .map(Object::toString).orElse("none"));
                    }
                }
                """);
        // The JVM running this test is the one the package depends on (Java 17); its source launcher runs the probe.
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String found = Command.ok(java, "-cp", root.resolve("usr/share/moodbox/moodbox.jar").toString(),
                probe.toString()).strip();
        assertThat(found.lines().reduce((a, b) -> b).orElse("")).isEqualTo(shipped.toString());
    }

    private static Entry entry(List<Entry> entries, String path) {
        return entries.stream().filter(e -> e.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError(path + " is not in the package"));
    }

    /** One line of `dpkg-deb --contents` (tar -tv): mode, owner/group, size, date, time, ./path. */
    record Entry(String mode, String owner, String path) {
        static Entry parse(String line) {
            String[] f = line.trim().split("\\s+", 6);
            String path = f[5].replaceFirst("^\\.", "").replaceFirst(" -> .*$", "");
            return new Entry(f[0], f[1], path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path);
        }

        @Override
        public String toString() {
            return String.join(" ", Arrays.asList(mode, owner, path));
        }
    }
}
