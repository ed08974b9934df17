package org.moodbox.models.tfjs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.moodbox.models.build.Sha256;

/**
 * Runs a TF.js graph model with the real TF.js (pinned in src/test/node) in Node.js: the reference our
 * converted model must match. {@code npm ci} installs into target/tfjs-oracle once; the install is reused
 * while package.json and package-lock.json stay the same.
 */
final class TfjsReference {
    private static final List<String> NODE_FILES = List.of("package.json", "package-lock.json", ".npmrc", "run-graph-model.js");
    private static final String STAMP = ".moodbox-installed-from";

    private final Path workDir;

    private TfjsReference(Path workDir) {
        this.workDir = workDir;
    }

    static TfjsReference install(Path nodeSources, Path workDir) throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        StringBuilder fingerprint = new StringBuilder();
        for (String name : NODE_FILES) {
            Files.copy(nodeSources.resolve(name), workDir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            fingerprint.append(Sha256.of(nodeSources.resolve(name))).append('\n');
        }
        Path stamp = workDir.resolve("node_modules").resolve(STAMP);
        String expected = Sha256.of(fingerprint.toString().getBytes(StandardCharsets.UTF_8));
        if (!Files.isRegularFile(stamp) || !Files.readString(stamp).strip().equals(expected)) {
            run(workDir, 600, "npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund");
            Files.writeString(stamp, expected);
        }
        return new TfjsReference(workDir);
    }

    /** Runs the model on {@code inputs} (each one sample of {@code sampleShape}); returns one output per sample. */
    float[][] run(Path modelJson, Path weights, List<float[]> inputs, int[] sampleShape) throws IOException, InterruptedException {
        int[] shape = new int[sampleShape.length + 1];
        shape[0] = inputs.size();
        System.arraycopy(sampleShape, 0, shape, 1, sampleShape.length);
        int sampleSize = inputs.get(0).length;
        float[] data = new float[inputs.size() * sampleSize];
        for (int n = 0; n < inputs.size(); n++) {
            System.arraycopy(inputs.get(n), 0, data, n * sampleSize, sampleSize);
        }
        ObjectMapper json = new ObjectMapper();
        Path inputFile = workDir.resolve("inputs.json");
        json.writeValue(inputFile.toFile(), Map.of("shape", shape, "data", data));

        String stdout = run(workDir, 300, "node", "run-graph-model.js",
                modelJson.toAbsolutePath().toString(), weights.toAbsolutePath().toString(), inputFile.toString());
        JsonNode result = json.readTree(stdout);
        int outputs = result.path("shape").get(1).asInt();
        float[][] out = new float[inputs.size()][outputs];
        for (int n = 0; n < inputs.size(); n++) {
            for (int k = 0; k < outputs; k++) {
                out[n][k] = (float) result.path("data").get(n * outputs + k).asDouble();
            }
        }
        return out;
    }

    private static String run(Path dir, int timeoutSeconds, String... command) throws IOException, InterruptedException {
        Path stdout = Files.createTempFile(dir, "out", ".txt");
        Path stderr = Files.createTempFile(dir, "err", ".txt");
        Process process;
        try {
            process = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException(command[0] + " not found: apt-get install nodejs npm (the TF.js oracle"
                    + " test runs the original model in Node.js)", e);
        }
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " timed out after " + timeoutSeconds + " s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (exit " + process.exitValue()
                        + ") in " + dir + ":\n" + Files.readString(stderr) + Files.readString(stdout));
            }
            return Files.readString(stdout);
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }
}
