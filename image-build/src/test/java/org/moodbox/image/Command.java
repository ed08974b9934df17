package org.moodbox.image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a program to completion, its output (stdout and stderr, in order) going to a log file and kept. */
record Command(int exitCode, String output) {

    static Command run(List<String> command, Map<String, String> environment, Path log, long timeoutMinutes) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError("timed out after " + timeoutMinutes + " min: " + command + "; log " + log);
            }
            return new Command(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + command, e);
        }
    }

    /** Runs and fails the test with the program's own words when it does not exit 0. */
    static String ok(String... command) {
        try {
            Path log = Files.createTempFile("moodbox-command", ".log");
            try {
                Command result = run(List.of(command), Map.of(), log, 5);
                if (result.exitCode() != 0) {
                    throw new AssertionError(String.join(" ", command) + " exited " + result.exitCode() + ":\n"
                            + result.output());
                }
                return result.output();
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The last lines of the output: enough to see why a long build failed. */
    String tail() {
        List<String> lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
