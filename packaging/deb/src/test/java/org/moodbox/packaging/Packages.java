package org.moodbox.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Finds the .debs this module's 'package' phase built (moodbox_VERSION_ARCH.deb in target/). */
final class Packages {
    private Packages() {}

    /** Skips the calling test, saying why, on machines without dpkg-deb (not Debian-like). */
    static void assumeDpkgDeb() {
        assumeThat(Command.onPath("dpkg-deb"))
                .as("dpkg-deb is not installed (Debian package 'dpkg'): the .deb checks are skipped")
                .isTrue();
    }

    static Path deb(String arch) {
        Path dir = Path.of(System.getProperty("deb.dir", "target"));
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> debs = files.filter(p -> p.getFileName().toString().matches("moodbox_.+_" + arch + "\\.deb")).toList();
            assertThat(debs).as("exactly one moodbox_*_%s.deb in %s (built by 'mvn package')", arch, dir).hasSize(1);
            return debs.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
