package org.moodbox.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The process environment, read once where the command line is built ({@code Moodbox.commandLine}) and handed
 * to whatever needs a variable: option defaults ({@link EnvironmentDefaults}) and the appliance's configuration.
 * Nothing else calls {@code System.getenv}, so a test states the environment it runs in.
 */
public record ProcessEnvironment(Map<String, String> variables) {
    /** Where the appliance keeps its state; the Debian package sets it to /var/lib/moodbox. */
    public static final String DATA = "MOODBOX_DATA";
    /** The research data folder (FER-2013, music tables) for evaluations and benchmarks; never shipped. */
    public static final String SHARED_DATA = "MOODBOX_SHARED_DATA";

    public ProcessEnvironment {
        variables = Map.copyOf(variables);
    }

    /** A variable's value, empty when unset or blank. */
    public Optional<String> get(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /** A folder inside the shared research data, when {@value #SHARED_DATA} is set. */
    public Optional<Path> sharedData(String first, String... more) {
        return get(SHARED_DATA).map(root -> Path.of(root, first).resolve(Path.of("", more)));
    }
}
