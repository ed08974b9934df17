package org.moodbox.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The image build's smoke test, as CI runs it: {@code build-image.sh --profile smoke} builds the arm64 Debian
 * root file system with mmdebstrap (arm64 maintainer scripts under qemu-user via binfmt_misc) and installs our
 * arm64 package into it; then the installed appliance runs inside that root under qemu-user: the arm64 JVM,
 * our jar and the arm64 JavaCPP natives, TFLite included, on a sample photo, with the same faces and emotions
 * as the amd64 build on this machine. The full profile (kernel, firmware, browser, disk image) is too slow for
 * CI; see image-build/README.md.
 *
 * <p>Needs root (mmdebstrap's root mode, chroot) and Debian's mmdebstrap, arch-test, qemu-user-static and
 * binfmt-support, which {@code ./moodbox test} installs; without them it is skipped with the reason.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImageSmokeIT {
    private static final Path SCRIPTS = Path.of(System.getProperty("image.build.dir", "."));
    private static final Path OUT = Path.of(System.getProperty("image.out", "target/image"));
    private static final Path ROOT = OUT.resolve("rootfs-smoke");
    private static Command build;

    @BeforeAll
    static void buildTheRootFileSystem() throws IOException {
        // About four minutes on a quiet 2-core machine (most of it arm64 maintainer scripts under qemu-user), so
        // it is part of 'mvn verify'; -Dmoodbox.image.smoke=false leaves it out of a quick local run.
        runOnlyIf(Boolean.parseBoolean(System.getProperty("moodbox.image.smoke", "true")),
                "-Dmoodbox.image.smoke=false");
        runOnlyIf("root".equals(System.getProperty("user.name")),
                "the image build needs root (mmdebstrap's root mode, chroot); run ./moodbox test as root");
        for (String tool : List.of("mmdebstrap", "arch-test", "chroot", "mke2fs")) {
            runOnlyIf(Command.onPath(tool), tool + " is missing (Debian packages mmdebstrap, arch-test, "
                    + "qemu-user-static, binfmt-support, e2fsprogs; ./moodbox test installs them as root)");
        }
        Files.createDirectories(OUT);
        long started = System.nanoTime();
        build = Command.run(List.of(SCRIPTS.resolve("build-image.sh").toString(), "--profile", "smoke",
                "--deb", armPackage().toString(), "--out", OUT.toString()), Map.of(), OUT.resolve("build.log"), 45);
        System.out.printf("ImageSmokeIT: arm64 root file system built in %.0f s (log: %s)%n",
                (System.nanoTime() - started) / 1e9, OUT.resolve("build.log"));
    }

    /** Skips the whole class, saying why on the console (a skipped class is otherwise a silent "0 tests"). */
    private static void runOnlyIf(boolean condition, String reason) {
        if (!condition) {
            System.out.println("skipped: the SD-card image smoke test: " + reason);
        }
        assumeThat(condition).as(reason).isTrue();
    }

    @Test
    @Order(1)
    void theRootFileSystemBuildsWithThePackageInstalled() throws IOException {
        assertThat(build.exitCode()).as("build-image.sh --profile smoke; its output:%n%s", build.tail()).isZero();
        assertThat(build.output()).contains("check-rootfs: ok (smoke)");
        assertThat(Command.ok("chroot", ROOT.toString(), "dpkg-query", "-W", "-f", "${Status} ${Architecture}",
                "moodbox")).isEqualTo("install ok installed arm64");
        assertThat(Command.ok("chroot", ROOT.toString(), "dpkg", "--print-architecture").strip()).isEqualTo("arm64");
        // Its dependencies came from the Debian archive: the JRE and the GPIO library.
        assertThat(Command.ok("chroot", ROOT.toString(), "dpkg-query", "-W", "-f", "${Status}\n",
                "openjdk-17-jre-headless", "libgpiod2")).isEqualTo("install ok installed\ninstall ok installed\n");
        // The package's maintainer scripts ran inside the image: users, groups and the state folder.
        assertThat(Files.readString(ROOT.resolve("etc/passwd"))).contains("moodbox:", "moodbox-kiosk:");
        assertThat(Files.readString(ROOT.resolve("etc/group"))).contains("gpio:");
        assertThat(ROOT.resolve("var/lib/moodbox/music")).isDirectory();
    }

    @Test
    @Order(2)
    void theUnitsAreEnabledAndFirstBootIsPrepared() throws IOException {
        for (String link : List.of("multi-user.target.wants/moodbox.service",
                "multi-user.target.wants/moodbox-firstboot.service", "multi-user.target.wants/systemd-networkd.service")) {
            assertThat(Files.isSymbolicLink(ROOT.resolve("etc/systemd/system").resolve(link))).as(link).isTrue();
        }
        assertThat(Files.size(ROOT.resolve("etc/machine-id"))).as("machine-id empty: a new identity per card")
                .isZero();
        assertThat(ROOT.resolve("usr/libexec/moodbox-image/first-boot")).isExecutable();
        assertThat(Files.readString(ROOT.resolve("etc/systemd/system/moodbox.service.d/10-image.conf")))
                .contains("--host 0.0.0.0");
        assertThat(Files.readString(ROOT.resolve("etc/apt/sources.list"))).contains(" bookworm main")
                .doesNotContain("nodesource").doesNotContain("google");
    }

    @Test
    @Order(3)
    void theArm64ApplianceRunsAndItsTfliteFindsTheSameFacesAsAmd64() throws IOException {
        assumeThat(build.exitCode()).as("the build failed (see the first test)").isZero();
        Path sample = ROOT.resolve("tmp/moodbox-sample1.jpg");
        Files.write(sample, samplePhoto());
        try (ProcMount proc = ProcMount.in(ROOT)) {
            Command help = Command.run(List.of("chroot", ROOT.toString(), "/usr/bin/moodbox", "--help"), Map.of(),
                    OUT.resolve("help.log"), 10);
            assertThat(help.exitCode()).as(help.tail()).isZero();
            assertThat(help.output()).contains("Usage: moodbox", "detect", "run");

            long started = System.nanoTime();
            Command arm = Command.run(List.of("chroot", ROOT.toString(), "/usr/bin/moodbox", "detect",
                    "--detector", "blazeface-full", "/tmp/moodbox-sample1.jpg"), Map.of(), OUT.resolve("detect-arm64.log"), 15);
            System.out.printf("ImageSmokeIT: moodbox detect under qemu-aarch64 took %.0f s%n",
                    (System.nanoTime() - started) / 1e9);
            assertThat(arm.exitCode()).as(arm.tail()).isZero();
            String armJson = jsonLine(arm.output());
            assertThat(armJson).contains("\"faces\"", "\"emotion\"");

            Path hostJar = SCRIPTS.resolveSibling("appliance/target/moodbox.jar");
            if (Files.isRegularFile(hostJar)) {
                Command amd = Command.run(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar", hostJar.toString(), "detect", "--detector", "blazeface-full", sample.toString()), Map.of(),
                        OUT.resolve("detect-amd64.log"), 5);
                assertThat(amd.exitCode()).as(amd.tail()).isZero();
                assertThat(emotions(armJson)).as("faces and emotions, arm64 vs amd64")
                        .isNotEmpty().isEqualTo(emotions(jsonLine(amd.output())));
            }
        } finally {
            Files.deleteIfExists(sample);
        }
    }

    /** The emotion label of every face, in order: what a listener would see of each. */
    private static List<String> emotions(String json) {
        Matcher m = Pattern.compile("\"emotion\"\\s*:\\s*\"([a-z]+)\"").matcher(json);
        List<String> labels = new java.util.ArrayList<>();
        while (m.find()) {
            labels.add(m.group(1));
        }
        return labels;
    }

    private static String jsonLine(String output) {
        return output.lines().filter(l -> l.startsWith("{")).findFirst()
                .orElseThrow(() -> new AssertionError("no JSON line in:\n" + output));
    }

    /** sample1.jpg (face-api, MIT) from the models jar the package ships. */
    private static byte[] samplePhoto() throws IOException {
        try (Stream<Path> libs = Files.list(ROOT.resolve("usr/share/moodbox/lib"))) {
            Path models = libs.filter(p -> p.getFileName().toString().startsWith("moodbox-models")).findFirst()
                    .orElseThrow(() -> new AssertionError("no moodbox-models jar in the package"));
            try (ZipFile zip = new ZipFile(models.toFile())) {
                ZipEntry entry = zip.getEntry("org/moodbox/models/files/samples/sample1.jpg");
                assertThat(entry).as("sample1.jpg in " + models).isNotNull();
                try (InputStream in = zip.getInputStream(entry)) {
                    return in.readAllBytes();
                }
            }
        }
    }

    private static Path armPackage() throws IOException {
        Path dir = Path.of(System.getProperty("deb.dir", "../packaging/deb/target"));
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> debs = files.filter(p -> p.getFileName().toString().matches("moodbox_.+_arm64\\.deb")).toList();
            assertThat(debs).as("one moodbox_*_arm64.deb in %s (mvn package of packaging/deb)", dir).hasSize(1);
            return debs.get(0);
        }
    }

    /** /proc inside the root while the JVM runs there (it reads /proc/self); always unmounted again. */
    private record ProcMount(Path proc) implements AutoCloseable {
        static ProcMount in(Path root) {
            Path proc = root.resolve("proc");
            Command.ok("mount", "-t", "proc", "proc", proc.toString());
            return new ProcMount(proc);
        }

        @Override
        public void close() {
            Command.ok("umount", proc.toString());
        }
    }
}
