package org.moodbox.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bytedeco.opencv.opencv_core.Mat;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

/**
 * The peer of {@code bench vision --peer}: Human (TF.js, WASM backend) in Node from
 * {@code bench/human-peer}, installed once with {@code npm ci} into {@code appliance/target/human-peer}
 * (reinstalled when the lockfile changes) and fed the same frames on stdin.
 */
public final class HumanPeer {
    private static final List<String> FILES = List.of("package.json", "package-lock.json", ".npmrc", "peer.js");

    private HumanPeer() {
    }

    /** The peer's figures (one JSON object), or an exception saying why it could not run. */
    public static JsonNode run(BenchFrames frames, int warmup, int timed) throws IOException, InterruptedException {
        return runNode(List.of(String.valueOf(BenchFrames.WIDTH), String.valueOf(BenchFrames.HEIGHT),
                String.valueOf(frames.count()), String.valueOf(warmup), String.valueOf(timed)), frames::writeRgb);
    }

    /** How Human runs on the clip: its caching off, on (its defaults), or on with its face mesh following faces. */
    public enum VideoMode {
        /** Every frame detected and read, as on the stills. */
        CACHE_OFF("off", ""),
        /**
         * Human's frame skipping and result cache at its defaults, with the same models as the stills (detector and
         * emotion): its emotion readings are reused, but its detector runs on every frame, because Human carries a
         * face from frame to frame only through its face mesh.
         */
        CACHE_ON("on", ""),
        /** Its defaults with the face mesh on as well: Human's own tracking, the detector skipped between refreshes. */
        CACHE_ON_MESH("on", "mesh");

        private final String cache;
        private final String mesh;

        VideoMode(String cache, String mesh) {
            this.cache = cache;
            this.mesh = mesh;
        }
    }

    /**
     * The peer on {@code clip}, streamed at the clip's own pace after a warm-up on its last second (as
     * {@link VideoBench} does), in {@code mode}. The figures hold {@code mode} (its name) and {@code faces}: per
     * frame, each face as [x1, y1, x2, y2, emotion].
     */
    public static JsonNode runVideo(MovingFaceClip clip, VideoMode mode) throws IOException, InterruptedException {
        int warmup = Math.min(clip.frames(), clip.fps());
        return runNode(List.of("video", String.valueOf(MovingFaceClip.WIDTH), String.valueOf(MovingFaceClip.HEIGHT),
                String.valueOf(clip.frames()), String.valueOf(clip.fps()), String.valueOf(warmup), mode.cache, mode.mesh),
                stdin -> {
                    for (int i = clip.frames() - warmup; i < clip.frames(); i++) {
                        writeRgb(clip.render(i), stdin);
                    }
                    for (int i = 0; i < clip.frames(); i++) {
                        writeRgb(clip.render(i), stdin);
                    }
                });
    }

    /** Writes the peer's input on its stdin. */
    private interface Feed {
        void write(OutputStream stdin) throws IOException;
    }

    /** One BGR frame as raw RGB bytes to the peer's stdin (a pipe to a child process, never a file). */
    static void writeRgb(Mat bgr, OutputStream out) throws IOException {
        byte[] row = new byte[bgr.cols() * bgr.rows() * 3];
        try (Mat rgb = new Mat()) {
            cvtColor(bgr, rgb, COLOR_BGR2RGB);
            rgb.data().get(row);
        }
        out.write(row);
    }

    private static JsonNode runNode(List<String> args, Feed feed) throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("moodbox.home", "."));
        Path source = root.resolve("bench/human-peer");
        if (!Files.isRegularFile(source.resolve("peer.js"))) {
            source = root.resolve("../bench/human-peer"); // tests run from appliance/
            root = root.resolve("..");
        }
        Path work = root.resolve("appliance/target/human-peer");
        install(source, work);
        List<String> command = new ArrayList<>(List.of("node", "peer.js"));
        command.addAll(args);
        Process node = new ProcessBuilder(command).directory(work.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (OutputStream stdin = node.getOutputStream()) {
            feed.write(stdin);
        } catch (IOException e) {
            node.destroy(); // the peer ended early; its exit status below says why
        }
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!node.waitFor(10, TimeUnit.MINUTES) || node.exitValue() != 0) {
            node.destroy();
            throw new IOException("the Human peer failed (exit " + (node.isAlive() ? "timeout" : node.exitValue()) + ")");
        }
        String[] lines = out.split("\n");
        return new ObjectMapper().readTree(lines[lines.length - 1]);
    }

    /** Copies the peer's files and runs {@code npm ci} only when the lockfile differs from the installed one. */
    private static void install(Path source, Path work) throws IOException, InterruptedException {
        Files.createDirectories(work);
        Path stamp = work.resolve("node_modules/.moodbox-lock");
        byte[] lock = Files.readAllBytes(source.resolve("package-lock.json"));
        for (String f : FILES) {
            Files.copy(source.resolve(f), work.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        if (Files.isRegularFile(stamp) && java.util.Arrays.equals(Files.readAllBytes(stamp), lock)) {
            return;
        }
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts")
                .directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!npm.waitFor(10, TimeUnit.MINUTES) || npm.exitValue() != 0) {
            npm.destroy();
            throw new IOException("npm ci for the Human peer failed in " + work);
        }
        Files.write(stamp, lock);
    }
}
