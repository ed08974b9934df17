package org.moodbox.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Installs the amd64 package with the real dpkg into a throw-away root and purges it again. dpkg runs the
 * package's own maintainer scripts without chroot (--force-script-chrootless) with DPKG_ROOT set, so the
 * test proves they create the users and folders and enable the unit inside that root and nowhere else.
 */
class DebPackageInstallIT {
    private static final String WANTS_LINK = "etc/systemd/system/multi-user.target.wants/moodbox.service";

    @TempDir
    Path root;

    @Test
    void installsEnablesRunsAndPurges() throws IOException {
        Packages.assumeDpkgDeb();
        for (String program : List.of("dpkg", "systemd-sysusers", "systemd-tmpfiles", "systemctl", "java")) {
            assumeThat(Command.onPath(program)).as(program + " is missing (Debian packages dpkg, systemd, "
                    + "openjdk-17-jre-headless): the install test is skipped").isTrue();
        }
        // Owners are set with chown by systemd-tmpfiles; only root may do that.
        assumeThat(System.getProperty("user.name")).as("the install test needs root (chown of the state folders)")
                .isEqualTo("root");

        makeEmptyDpkgDatabase();
        String deb = Packages.deb("amd64").toString();
        dpkg("--install", deb);
        assertThat(dpkg("--status", "moodbox")).contains("Status: install ok installed");

        // postinst: system users in the root's own passwd, state folders owned by them, the unit enabled.
        int uid = uidOf("moodbox");
        assertThat(Files.readString(root.resolve("etc/group"))).contains("gpio:");
        Path state = root.resolve("var/lib/moodbox");
        assertThat(Files.getAttribute(state, "unix:uid")).isEqualTo(uid);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state))).isEqualTo("rwxr-x---");
        assertThat(root.resolve("var/lib/moodbox/music")).isDirectory();
        assertThat(Files.getAttribute(root.resolve("etc/moodbox"), "unix:gid")).isEqualTo(gidOf("moodbox"));
        Path link = root.resolve(WANTS_LINK);
        assertThat(Files.isSymbolicLink(link)).as(WANTS_LINK + " is a symlink").isTrue();
        assertThat(Files.readSymbolicLink(link)).hasToString("/usr/lib/systemd/system/moodbox.service");
        // No cage or chromium in this root: the kiosk screen stays off rather than failing every boot.
        assertThat(root.resolve("etc/systemd/system/graphical.target.wants/moodbox-kiosk.service")).doesNotExist();

        // The installed launcher runs the installed jars with the system java and the shipped config.
        Command help = Command.run(List.of(root.resolve("usr/bin/moodbox").toString(), "--help"),
                Map.of("MOODBOX_CONF", root.resolve("etc/moodbox/moodbox.conf").toString()));
        assertThat(help.exitCode()).as(help.output()).isZero();
        assertThat(help.output()).contains("Usage: moodbox", "Commands:", "run", "demo", "detect", "recommend", "catalog");

        dpkg("--purge", "moodbox");
        assertThat(Files.exists(link, LinkOption.NOFOLLOW_LINKS)).as(WANTS_LINK + " removed").isFalse();
        assertThat(state).doesNotExist();
        assertThat(root.resolve("etc/moodbox")).doesNotExist();
        assertThat(root.resolve("usr/share/moodbox")).doesNotExist();
    }

    /** The few files dpkg needs to treat a folder as a root (what debootstrap would have made). */
    private void makeEmptyDpkgDatabase() throws IOException {
        Path admin = Files.createDirectories(root.resolve("var/lib/dpkg"));
        for (String dir : List.of("info", "updates", "triggers")) {
            Files.createDirectories(admin.resolve(dir));
        }
        Files.writeString(admin.resolve("status"), "");
        Files.writeString(admin.resolve("available"), "");
        Files.createDirectories(root.resolve("etc"));
    }

    private String dpkg(String... action) {
        // --force-depends: the root has no java or systemd packages, the host provides the tools.
        List<String> command = new java.util.ArrayList<>(List.of("dpkg", "--root=" + root, "--log=/dev/null",
                "--force-script-chrootless", "--force-not-root", "--force-depends"));
        command.addAll(List.of(action));
        return Command.ok(command.toArray(String[]::new));
    }

    private int uidOf(String user) throws IOException {
        return Integer.parseInt(field(root.resolve("etc/passwd"), user, 2));
    }

    private int gidOf(String group) throws IOException {
        return Integer.parseInt(field(root.resolve("etc/group"), group, 2));
    }

    private static String field(Path table, String name, int index) throws IOException {
        return Files.readAllLines(table).stream().map(l -> l.split(":", -1)).filter(f -> f[0].equals(name))
                .findFirst().map(f -> f[index])
                .orElseThrow(() -> new AssertionError(name + " not in " + table));
    }
}
