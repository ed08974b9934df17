package org.moodbox.cli;

import org.moodbox.bench.HumanPeer;
import org.moodbox.bench.MovingFaceClip;
import org.moodbox.bench.VisionBench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.moodbox.bench.BenchFrames;
import org.moodbox.models.SampleFaces;
import org.moodbox.vision.DetectorKind;
import org.moodbox.vision.EmotionModelKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code moodbox bench vision}: the vision pipeline per detector on fixed 640x480 frames of the six
 * sample photos, one thread. Prints the load average before and after because this machine is shared
 * and the figures are only as quiet as it is.
 */
@Command(name = "vision", mixinStandardHelpOptions = true,
        description = "Per-stage latency and face recall of each detector with each emotion model on the sample frames.")
final class BenchVision implements Callable<Integer> {
    static final List<String> STAGES = List.of("decode", "detect", "align", "classify", "track", "total");

    @Option(names = "--frames", paramLabel = "N", defaultValue = "180",
            description = "timed frames per detector (default: ${DEFAULT-VALUE})")
    int frames;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "30",
            description = "untimed frames per detector first, for the JIT and caches (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--peer", description = "also run the Human (TF.js WASM, Node) peer on the same frames")
    boolean peer;

    @Option(names = "--video", description = "the moving-face clip (30 s, 15 fps) instead of the stills: each pipeline"
            + " every frame and tracked (default: the default detector and mtcnn-int8, each with the default emotion"
            + " model; --frames and --warmup do not apply), CPU per second of video, recall against the clip's ground"
            + " truth, emotion agreement; with --peer, Human with its frame skipping and cache off, on, and on with its"
            + " face mesh")
    boolean video;

    @Option(names = "--clip-seconds", paramLabel = "S", defaultValue = "30",
            description = "with --video: the clip's first S seconds only (default: ${DEFAULT-VALUE}, the whole clip)")
    double clipSeconds;

    @Option(names = "--detectors", split = ",", paramLabel = "NAME", converter = DetectCommand.DetectorName.class,
            description = "detectors to run (default: all)")
    List<DetectorKind> detectors;

    @Option(names = "--models", split = ",", paramLabel = "NAME",
            description = "emotion models to run with each detector (default: all)")
    List<String> models;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (frames < 1 || warmup < 0) {
            throw new IllegalArgumentException("--frames must be at least 1 and --warmup at least 0");
        }
        if (video && (clipSeconds <= 0 || clipSeconds > MovingFaceClip.benchScript().seconds())) {
            throw new IllegalArgumentException("--clip-seconds must be above 0 and at most "
                    + MovingFaceClip.benchScript().seconds());
        }
        PrintWriter out = spec.commandLine().getOut();
        String loadStart = loadAverage();
        out.printf("load average at start: %s (%d cores)%n", loadStart, Runtime.getRuntime().availableProcessors());
        if (video) {
            // The default pair and MTCNN-int8 with it, unless named: the clip costs a minute or two per pipeline.
            Map<String, Object> figures = BenchVideo.run(out, detectors != null ? detectors
                            : List.of(DetectorKind.DEFAULT, DetectorKind.MTCNN_INT8),
                    models != null ? models.stream().map(EmotionModelKind::parse).toList() : List.of(EmotionModelKind.DEFAULT),
                    peer, clipSeconds);
            String loadEnd = loadAverage();
            out.printf("load average at end: %s%n", loadEnd);
            figures.put("loadStart", loadStart);
            figures.put("loadEnd", loadEnd);
            out.println(new ObjectMapper().writeValueAsString(figures));
            out.flush();
            return 0;
        }
        out.printf("%d timed frames after %d warm-up per pipeline, 640x480, one thread; medians in ms%n%n",
                frames, warmup);
        List<DetectorKind> kinds = detectors != null ? detectors : List.of(DetectorKind.values());
        List<EmotionModelKind> emotionModels = models != null ? models.stream().map(EmotionModelKind::parse).toList()
                : List.of(EmotionModelKind.values());
        List<VisionBench.Result> results = new ArrayList<>();
        JsonNode human = null;
        try (BenchFrames bench = new BenchFrames()) {
            for (DetectorKind kind : kinds) {
                for (EmotionModelKind model : emotionModels) {
                    results.add(VisionBench.run(kind, model, bench, warmup, frames));
                }
            }
            if (peer) {
                human = HumanPeer.run(bench, warmup, frames);
            }
        }
        out.printf("%-27s %7s %7s %7s %8s %7s %7s %9s %7s %9s%n", "pipeline", "decode", "detect", "align",
                "classify", "track", "total", "p95 total", "faces", "IoU-match");
        for (VisionBench.Result r : results) {
            out.printf("%-27s %7.2f %7.2f %7.2f %8.2f %7.3f %7.2f %9.2f %4d/%-2d %6d/%-2d%n", r.label(),
                    r.decodeMs(), r.detectMs(), r.alignMs(), r.classifyMs(), r.trackMs(), r.totalMs(),
                    r.totalP95Ms(), r.found(), BenchFrames.VISIBLE_FACES, r.matched(), SampleFaces.ALL.size());
        }
        out.println();
        for (VisionBench.Result r : results) {
            out.printf("faces per photo, %s: %s%n", r.label(), Arrays.toString(r.facesPerPhoto()));
            if (r.mtcnn() != null) {
                VisionBench.MtcnnSplit m = r.mtcnn();
                out.printf("  MTCNN detect split: P-Net %.2f, R-Net %.2f (%.0f crops), O-Net %.2f (%.0f crops)%n",
                        m.pnetMs(), m.rnetMs(), m.rnetCrops(), m.onetMs(), m.onetCrops());
            }
        }
        if (human != null) {
            printPeer(out, human, results);
        }
        String loadEnd = loadAverage();
        out.printf("load average at end: %s%n", loadEnd);
        out.println("faces: found (all 6 photos); IoU-match: hand-checked reference faces (SampleFaces) matched one-to-one"
                + " by a found box with IoU >= " + VisionBench.MATCH_IOU + ".");
        Map<String, Object> figures = figures(results, loadStart, loadEnd);
        if (human != null) {
            figures.put("peer", human);
            double peerMs = human.get("totalMs").asDouble();
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> pipelines = (Map<String, Map<String, Object>>) figures.get("pipelines");
            for (VisionBench.Result r : results) {
                pipelines.get(r.label()).put("moodboxOverPeer", round(r.fromPixelsMs() / peerMs));
                pipelines.get(r.label()).put("moodboxWithDecodeOverPeer", round(r.totalMs() / peerMs));
            }
        }
        out.println(new ObjectMapper().writeValueAsString(figures));
        out.flush();
        return 0;
    }

    /**
     * Moodbox/peer is Moodbox's median time from decoded pixels to tracked faces over the peer's from decoded
     * pixels to faces with emotions (the peer is handed decoded RGB tensors): below 1 means Moodbox is faster.
     * The ratio with Moodbox's JPEG decode counted as well is printed beside it.
     */
    private static void printPeer(PrintWriter out, JsonNode human, List<VisionBench.Result> results) {
        double peerMs = human.get("totalMs").asDouble();
        int peerFound = human.get("facesFound").asInt();
        out.printf("%npeer %s: total %.2f ms (p95 %.2f), faces %d/%d, recall %.2f, per photo %s%n",
                human.get("peer").asText(), peerMs, human.get("totalP95Ms").asDouble(), peerFound,
                BenchFrames.VISIBLE_FACES, Math.min(peerFound, BenchFrames.VISIBLE_FACES)
                        / (double) BenchFrames.VISIBLE_FACES, human.get("facesPerPhoto"));
        out.println("  moodbox/peer from decoded pixels, as the peer is timed (with our JPEG decode too in brackets):");
        for (VisionBench.Result r : results) {
            out.printf("  moodbox/peer %-27s %.3f (%.1fx faster; with decode %.3f, %.1fx), recall %.2f vs %.2f%n",
                    r.label(), r.fromPixelsMs() / peerMs, peerMs / r.fromPixelsMs(), r.totalMs() / peerMs,
                    peerMs / r.totalMs(), r.recall(),
                    Math.min(peerFound, BenchFrames.VISIBLE_FACES) / (double) BenchFrames.VISIBLE_FACES);
        }
    }

    private Map<String, Object> figures(List<VisionBench.Result> results, String loadStart, String loadEnd) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("frames", frames);
        f.put("warmup", warmup);
        f.put("width", BenchFrames.WIDTH);
        f.put("height", BenchFrames.HEIGHT);
        f.put("threads", 1);
        f.put("cores", Runtime.getRuntime().availableProcessors());
        f.put("loadStart", loadStart);
        f.put("loadEnd", loadEnd);
        f.put("visibleFaces", BenchFrames.VISIBLE_FACES);
        Map<String, Map<String, Object>> detectors = new LinkedHashMap<>();
        for (VisionBench.Result r : results) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("pipeline", r.pipeline());
            d.put("decodeMs", round(r.decodeMs()));
            d.put("detectMs", round(r.detectMs()));
            d.put("alignMs", round(r.alignMs()));
            d.put("classifyMs", round(r.classifyMs()));
            d.put("trackMs", round(r.trackMs()));
            d.put("totalMs", round(r.totalMs()));
            d.put("fromPixelsMs", round(r.fromPixelsMs()));
            d.put("totalP95Ms", round(r.totalP95Ms()));
            d.put("facesFound", r.found());
            d.put("facesPerPhoto", r.facesPerPhoto());
            d.put("recall", round(r.recall()));
            d.put("boxRecall", round(r.boxRecall()));
            d.put("matchedFaces", r.matched());
            if (r.mtcnn() != null) {
                VisionBench.MtcnnSplit m = r.mtcnn();
                d.put("pnetMs", round(m.pnetMs()));
                d.put("rnetMs", round(m.rnetMs()));
                d.put("onetMs", round(m.onetMs()));
                d.put("rnetCrops", m.rnetCrops());
                d.put("onetCrops", m.onetCrops());
            }
            detectors.put(r.label(), d);
        }
        f.put("pipelines", detectors);
        return f;
    }

    /** The 1, 5 and 15 minute load averages from /proc, or the JVM's 1-minute figure elsewhere. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
