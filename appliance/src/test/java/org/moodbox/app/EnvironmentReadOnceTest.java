package org.moodbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.moodbox.Moodbox;
import org.moodbox.cli.ProcessEnvironment;
import picocli.CommandLine;

/**
 * The environment is read once, where the command line is built: option defaults and the appliance's
 * configuration come from that one reading, and a command-line option always wins.
 */
class EnvironmentReadOnceTest {
    private static final ProcessEnvironment ENV = new ProcessEnvironment(Map.of(
            "MOODBOX_DATA", "/var/lib/moodbox", "MOODBOX_SHARED_DATA", "/srv/shared", "NOTIFY_SOCKET", "/run/x"));

    private static Object optionAfterParse(ProcessEnvironment env, String option, String... args) {
        CommandLine cli = Moodbox.commandLine(env);
        CommandLine.ParseResult parsed = cli.parseArgs(args);
        while (parsed.hasSubcommand()) {
            parsed = parsed.subcommand();
        }
        return parsed.commandSpec().findOption(option).getValue();
    }

    @Test
    void theDataFolderDefaultsToTheVariableTheDebianPackageSets() {
        assertThat(optionAfterParse(ENV, "--data", "run")).isEqualTo(Path.of("/var/lib/moodbox"));
        assertThat(optionAfterParse(ENV, "--data", "catalog", "import", "t.csv")).isEqualTo(Path.of("/var/lib/moodbox"));
        assertThat(optionAfterParse(ENV, "--data", "run", "--data", "/tmp/mine")).isEqualTo(Path.of("/tmp/mine"));
        assertThat(optionAfterParse(new ProcessEnvironment(Map.of()), "--data", "run")).isNull();
        assertThat(optionAfterParse(new ProcessEnvironment(Map.of("MOODBOX_DATA", " ")), "--data", "run")).isNull();
    }

    @Test
    void theBenchmarksFindTheResearchDataThroughTheSameReading() {
        assertThat(optionAfterParse(ENV, "--fer", "bench", "emotion")).isEqualTo(Path.of("/srv/shared/fer2013"));
        assertThat(optionAfterParse(ENV, "--distribution", "bench", "recommend"))
                .isEqualTo(Path.of("/srv/shared/music/catalog_tidytuesday_unique_tracks.csv.gz"));
        assertThat(optionAfterParse(new ProcessEnvironment(Map.of()), "--fer", "bench", "emotion")).isNull();
    }

    @Test
    void theApplianceCommandsGetTheEnvironmentReadAtStart() {
        CommandLine cli = Moodbox.commandLine(ENV);
        RunCommand run = cli.getSubcommands().get("run").getCommand();
        DemoCommand demo = cli.getSubcommands().get("demo").getCommand();
        assertThat(run.environment).isSameAs(ENV);
        assertThat(demo.environment).isSameAs(ENV);
        assertThat(run.environment.get("NOTIFY_SOCKET")).contains("/run/x");
    }
}
