package org.moodbox.models.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Keeps npm tarballs in a local cache and runs {@code npm pack NAME@VERSION} for the ones that are missing.
 * The npm client, not our code, knows the registry, its mirrors and proxies: we never name a host.
 */
public final class NpmPackageFetcher {
    /** The largest package (human-models) is about 145 MB; allow a slow line. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(15);
    private static final int OUTPUT_TAIL_CHARS = 2000;

    private final Path cacheDir;
    private final NpmCommand npm;
    private final Duration timeout;

    public NpmPackageFetcher(Path cacheDir, NpmCommand npm, Duration timeout) {
        this.cacheDir = cacheDir;
        this.npm = npm;
        this.timeout = timeout;
    }

    /** {@code $MOODBOX_NPM_CACHE}, else {@code ~/.cache/moodbox/npm}. */
    public static Path defaultCacheDir() {
        String configured = System.getenv("MOODBOX_NPM_CACHE");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "moodbox", "npm");
    }

    /** The file name {@code npm pack} gives a package: {@code @scope/name} becomes {@code scope-name}. */
    public static String tarballName(String packageName, String version) {
        String flat = packageName.startsWith("@") ? packageName.substring(1).replace('/', '-') : packageName;
        return flat + "-" + version + ".tgz";
    }

    /** The cached tarball of the package, fetched first when it is not cached yet. */
    public Path tarball(String packageName, String version) {
        Path cached = cacheDir.resolve(tarballName(packageName, version));
        if (Files.isRegularFile(cached)) {
            return cached;
        }
        fetchInto(cached, packageName, version);
        return cached;
    }

    private void fetchInto(Path cached, String packageName, String version) {
        String spec = packageName + "@" + version;
        Path executable = npm.resolve();
        Path staging = null;
        try {
            Files.createDirectories(cacheDir);
            // npm writes into a staging folder; only a complete tarball is moved into the cache, so an
            // interrupted download never leaves a truncated file that later looks like a corrupt package.
            staging = Files.createTempDirectory(cacheDir, ".npm-pack-");
            Path log = staging.resolve("npm-output.txt");
            Process process = new ProcessBuilder(executable.toString(), "pack", spec,
                    "--pack-destination", staging.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                    .start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new ModelBuildException("'npm pack " + spec + "' did not finish within " + timeout.toMinutes()
                        + " min; check the network or npm's proxy settings, then rebuild. Output:\n" + tail(log));
            }
            if (process.exitValue() != 0) {
                throw new ModelBuildException(failureMessage(spec, process.exitValue(), tail(log)));
            }
            Path packed = staging.resolve(cached.getFileName());
            if (!Files.isRegularFile(packed)) {
                throw new ModelBuildException("'npm pack " + spec + "' succeeded but wrote no "
                        + cached.getFileName() + " into " + staging + ". Output:\n" + tail(log));
            }
            Files.move(packed, cached, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ModelBuildException("cannot run 'npm pack " + spec + "' into " + cacheDir + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelBuildException("interrupted while fetching " + spec, e);
        } finally {
            deleteQuietly(staging);
        }
    }

    private static String failureMessage(String spec, int exit, String output) {
        String hint = output.contains("E404") || output.contains("404 Not Found")
                ? "the registry has no package or version " + spec + ": check package and version in model-manifest.json"
                : "check the network and npm's registry settings (npm config get registry), then rebuild";
        return "'npm pack " + spec + "' failed (exit " + exit + "): " + hint + ". npm said:\n" + output;
    }

    private static String tail(Path log) {
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8).strip();
            return text.length() <= OUTPUT_TAIL_CHARS ? text : "..." + text.substring(text.length() - OUTPUT_TAIL_CHARS);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> paths = walk.sorted(Comparator.reverseOrder()).toList();
            for (Path p : paths) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // a left-over staging folder starts with a dot and is never mistaken for a tarball
        }
    }
}
