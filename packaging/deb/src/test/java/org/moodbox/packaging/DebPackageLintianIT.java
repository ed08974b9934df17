package org.moodbox.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Debian's own package checker: no errors (warnings we chose are overridden in lintian-overrides, with why). */
class DebPackageLintianIT {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"amd64", "arm64"})
    void lintianFindsNoErrors(String arch) {
        Packages.assumeDpkgDeb();
        assumeThat(Command.onPath("lintian")).as("lintian is not installed (Debian package 'lintian'): skipped").isTrue();
        Command result = Command.run(List.of("lintian", "--fail-on", "error", Packages.deb(arch).toString()));
        assertThat(result.exitCode()).as("lintian:\n" + result.output()).isZero();
    }
}
