package org.moodbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * .ci/skipped-tests, which ./moodbox test runs to list each skipped test with its reason (and with CI=true to fail
 * on it), on a folder of reports written the way Surefire 3.5 writes them: the JUnit and AssertJ assumption forms
 * (the reason inside the CDATA stack trace), the message attribute, and a skip that gives no reason.
 */
class SkipListScriptTest {
    private static final Path SCRIPT = Path.of("../.ci/skipped-tests");

    @Test
    void everySkipIsListedWithTheReasonItsAssumptionGave(@TempDir Path checkout) throws Exception {
        report(checkout.resolve("appliance/target/surefire-reports"), "org.moodbox.web.KioskTest", """
                  <testcase name="dims" classname="org.moodbox.web.KioskTest" time="0.0">
                    <skipped type="org.opentest4j.TestAbortedException"><![CDATA[org.opentest4j.TestAbortedException: \
                Assumption failed: skipped: needs Debian's chromium & chromium-driver at /usr/bin/chromium
                \tat org.junit.jupiter.api.Assumptions.throwAssumptionFailed(Assumptions.java:321)
                \tat org.moodbox.web.HeadlessChromium.start(HeadlessChromium.java:36)
                ]]></skipped>
                  </testcase>
                  <testcase name="ran" classname="org.moodbox.web.KioskTest" time="0.4"/>
                """);
        report(checkout.resolve("appliance/target/surefire-reports"), "org.moodbox.cli.EvalTest", """
                  <testcase name="heldOut" classname="org.moodbox.cli.EvalTest" time="0.0">
                    <skipped type="org.opentest4j.TestAbortedException"><![CDATA[org.opentest4j.TestAbortedException: \
                assumption was not met due to: [no shared data at ../../shared/data/fer2013] 
                Expecting value to be true but was false
                \tat org.assertj.core.api.Assumptions.assumeThat(Assumptions.java:100)
                ]]></skipped>
                  </testcase>
                  <testcase name="unexplained" classname="org.moodbox.cli.EvalTest" time="0.0">
                    <skipped type="org.opentest4j.TestAbortedException"><![CDATA[org.opentest4j.TestAbortedException
                \tat org.junit.jupiter.api.Assumptions.assumeTrue(Assumptions.java:1)
                ]]></skipped>
                  </testcase>
                """);
        report(checkout.resolve("packaging/deb/target/failsafe-reports"), "org.moodbox.packaging.LintIT", """
                  <testcase name="clean" classname="org.moodbox.packaging.LintIT" time="0.0">
                    <skipped message="lintian is not installed (Debian package &apos;lintian&apos;) &amp; &quot;so&quot; skipped"/>
                  </testcase>
                """);

        assertThat(skipList(checkout)).containsExactly(
                "org.moodbox.cli.EvalTest.heldOut: [no shared data at ../../shared/data/fer2013] "
                        + "Expecting value to be true but was false",
                "org.moodbox.cli.EvalTest.unexplained: no reason given",
                "org.moodbox.web.KioskTest.dims: skipped: needs Debian's chromium & chromium-driver at /usr/bin/chromium",
                "org.moodbox.packaging.LintIT.clean: lintian is not installed (Debian package 'lintian') & \"so\" skipped");
    }

    @Test
    void aRunWithoutSkipsListsNothing(@TempDir Path checkout) throws Exception {
        report(checkout.resolve("appliance/target/surefire-reports"), "org.moodbox.AllRan", """
                  <testcase name="one" classname="org.moodbox.AllRan" time="0.1"/>
                  <testcase name="two" classname="org.moodbox.AllRan" time="0.2">
                    <system-out><![CDATA[a line that mentions <skipped> in the output]]></system-out>
                  </testcase>
                """);
        report(checkout.resolve("appliance/target/surefire-reports"), "org.moodbox.Failed", """
                  <testcase name="broke" classname="org.moodbox.Failed" time="0.1">
                    <failure message="expected 1" type="org.opentest4j.AssertionFailedError"><![CDATA[expected 1
                \tat org.moodbox.Failed.broke(Failed.java:1)
                ]]></failure>
                  </testcase>
                """);

        assertThat(skipList(checkout)).isEmpty();
    }

    private static void report(Path folder, String suite, String testcases) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("TEST-" + suite + ".xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuite name="%s" time="0.5" tests="2" errors="0" skipped="1" failures="0">
                  <properties><property name="java.version" value="17"/></properties>
                %s</testsuite>
                """.formatted(suite, testcases), StandardCharsets.UTF_8);
    }

    private static List<String> skipList(Path checkout) throws Exception {
        Process run = new ProcessBuilder("bash", SCRIPT.toString(), checkout.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(run.exitValue()).as("the script's exit status").isZero();
        return out.lines().toList();
    }
}
