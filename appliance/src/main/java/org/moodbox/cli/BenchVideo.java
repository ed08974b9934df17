package org.moodbox.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.moodbox.bench.HumanPeer;
import org.moodbox.bench.MovingFaceClip;
import org.moodbox.bench.Scoring;
import org.moodbox.bench.VideoBench;
import org.moodbox.vision.BoundingBox;
import org.moodbox.vision.DetectorKind;
import org.moodbox.vision.EmotionModelKind;
import org.moodbox.vision.FrameMode;

/**
 * {@code moodbox bench vision --video}: each pipeline every frame and tracked on the moving-face clip
 * ({@link MovingFaceClip#benchScript()}), and with {@code --peer} Human with its frame skipping and cache on (its
 * defaults) and off, all in one run; every comparison is printed as a ratio of figures taken in that run.
 */
final class BenchVideo {
    /** A peer mode's figures: as Human reported them, and scored here against the clip's ground truth. */
    private record PeerRun(String mode, JsonNode figures, Scoring.Score score, String[][] labels) {
    }

    private BenchVideo() {
    }

    static Map<String, Object> run(PrintWriter out, List<DetectorKind> detectors, List<EmotionModelKind> models,
                                   boolean peer, double seconds) throws IOException, InterruptedException {
        List<VideoBench.Result[]> pairs = new ArrayList<>();
        List<PeerRun> peers = new ArrayList<>();
        MovingFaceClip.Script whole = MovingFaceClip.benchScript();
        MovingFaceClip.Script script = new MovingFaceClip.Script(whole.fps(), seconds, whole.waypoints());
        try (MovingFaceClip clip = new MovingFaceClip(script)) {
            out.printf("clip: %d frames, %d fps, %dx%d, built from the sample photos (pans, zooms, small turns, a face"
                            + " leaving and coming back, two cuts); one thread, ms from pixels to mood%n%n",
                    clip.frames(), clip.fps(), MovingFaceClip.WIDTH, MovingFaceClip.HEIGHT);
            out.flush();
            for (DetectorKind detector : detectors) {
                for (EmotionModelKind model : models) {
                    VideoBench.Result every = VideoBench.run(detector, model, FrameMode.EVERY_FRAME, clip);
                    VideoBench.Result tracked = VideoBench.run(detector, model, FrameMode.TRACKED, clip);
                    pairs.add(new VideoBench.Result[] {every, tracked});
                }
            }
            if (peer) {
                for (boolean cache : new boolean[] {true, false}) {
                    JsonNode figures = HumanPeer.runVideo(clip, cache);
                    List<List<BoundingBox>> boxes = new ArrayList<>();
                    List<List<String>> emotions = new ArrayList<>();
                    for (JsonNode frame : figures.get("faces")) {
                        List<BoundingBox> b = new ArrayList<>();
                        List<String> e = new ArrayList<>();
                        for (JsonNode f : frame) {
                            b.add(new BoundingBox((float) f.get(0).asDouble(), (float) f.get(1).asDouble(),
                                    (float) f.get(2).asDouble(), (float) f.get(3).asDouble()));
                            e.add(f.get(4).asText());
                        }
                        boxes.add(b);
                        emotions.add(e);
                    }
                    Scoring.Score score = Scoring.score(clip, boxes);
                    peers.add(new PeerRun(figures.get("mode").asText(), figures, score, labels(score, emotions)));
                }
            }
        }
        printTable(out, pairs, peers);
        printRatios(out, pairs, peers);
        return figures(script, pairs, peers);
    }

    private static String[][] labels(Scoring.Score score, List<List<String>> emotions) {
        String[][] labels = new String[emotions.size()][];
        for (int i = 0; i < labels.length; i++) {
            int[] match = score.matches()[i];
            labels[i] = new String[match.length];
            for (int t = 0; t < match.length; t++) {
                labels[i][t] = match[t] < 0 ? null : emotions.get(i).get(match[t]);
            }
        }
        return labels;
    }

    private static void printTable(PrintWriter out, List<VideoBench.Result[]> pairs, List<PeerRun> peers) {
        out.printf("%-46s %7s %7s %9s %7s %7s %7s %8s %6s %9s%n", "pipeline", "ms mean", "ms p95", "CPU ms/s",
                "det/s", "reads/s", "recall", "new face", "stray", "agreement");
        for (VideoBench.Result[] pair : pairs) {
            for (VideoBench.Result r : pair) {
                Scoring.Score s = r.score();
                out.printf("%-46s %7.2f %7.2f %9.1f %7.2f %7.2f %7.4f %7.2fs %6d %9s%n", r.label(), r.meanMs(), r.p95Ms(),
                        r.cpuMsPerVideoSecond(), r.detectionsPerSecond(), r.readingsPerSecond(), s.recall(),
                        s.newFaceMaxSeconds(), s.stray(), r.mode() == FrameMode.TRACKED
                                ? String.format("%.4f", VideoBench.agreement(r.labels(), pair[0].labels())) : "-");
            }
        }
        for (PeerRun p : peers) {
            JsonNode f = p.figures();
            out.printf("%-46s %7.2f %7.2f %9.1f %7s %7s %7.4f %7.2fs %6d %9s%n", "peer " + f.get("peer").asText() + ", "
                            + p.mode(), f.get("meanMs").asDouble(), f.get("p95Ms").asDouble(),
                    f.get("cpuMsPerVideoSecond").asDouble(), "-", "-", p.score().recall(), p.score().newFaceMaxSeconds(),
                    p.score().stray(), p.mode().equals("cache on") && peers.size() == 2
                            ? String.format("%.4f", VideoBench.agreement(p.labels(), peers.get(1).labels())) : "-");
        }
        out.println("CPU ms/s: CPU time of the analysing thread (the peer: its process) per second of video; det/s:"
                + " full detections; reads/s: emotion classifier runs; recall: visible true faces matched (IoU >= 0.4)"
                + " over all frames; new face: longest wait from a face coming into view to its first match; stray:"
                + " boxes on no true face; agreement: same emotion as the every-frame run (the peer: cache on vs off)"
                + " for the same true face in the same frame.");
        out.println();
    }

    private static void printRatios(PrintWriter out, List<VideoBench.Result[]> pairs, List<PeerRun> peers) {
        JsonNode cacheOn = peers.isEmpty() ? null : peers.get(0).figures();
        JsonNode cacheOff = peers.size() < 2 ? null : peers.get(1).figures();
        for (VideoBench.Result[] pair : pairs) {
            VideoBench.Result every = pair[0];
            VideoBench.Result tracked = pair[1];
            double cpu = tracked.cpuMsPerVideoSecond();
            out.printf("%s, tracked:%n", every.detector().id() + " + " + every.model().id());
            out.printf("  %.1fx less CPU than every frame; recall %.4f of every frame's; emotion agreement %.4f;"
                            + " new face within %.2f s%n", every.cpuMsPerVideoSecond() / cpu,
                    tracked.score().recall() / every.score().recall(), VideoBench.agreement(tracked.labels(), every.labels()),
                    tracked.score().newFaceMaxSeconds());
            if (cacheOn != null) {
                out.printf("  %.1fx less CPU than Human with its cache on, %.1fx than Human with it off; every frame:"
                                + " %.1fx and %.1fx%n", cacheOn.get("cpuMsPerVideoSecond").asDouble() / cpu,
                        cacheOff.get("cpuMsPerVideoSecond").asDouble() / cpu,
                        cacheOn.get("cpuMsPerVideoSecond").asDouble() / every.cpuMsPerVideoSecond(),
                        cacheOff.get("cpuMsPerVideoSecond").asDouble() / every.cpuMsPerVideoSecond());
            }
        }
        if (cacheOn != null) {
            out.printf("Human: cache on takes %.1fx less CPU than cache off; its recall %.4f of cache off's%n",
                    cacheOff.get("cpuMsPerVideoSecond").asDouble() / cacheOn.get("cpuMsPerVideoSecond").asDouble(),
                    peers.get(0).score().recall() / peers.get(1).score().recall());
        }
        out.println();
    }

    private static Map<String, Object> figures(MovingFaceClip.Script script, List<VideoBench.Result[]> pairs,
                                               List<PeerRun> peers) {
        Map<String, Object> pipelines = new LinkedHashMap<>();
        for (VideoBench.Result[] pair : pairs) {
            for (VideoBench.Result r : pair) {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("pipeline", r.pipeline());
                d.put("meanMs", round(r.meanMs()));
                d.put("p95Ms", round(r.p95Ms()));
                d.put("cpuMsPerVideoSecond", round(r.cpuMsPerVideoSecond()));
                d.put("detectionsPerSecond", round(r.detectionsPerSecond()));
                d.put("readingsPerSecond", round(r.readingsPerSecond()));
                score(d, r.score());
                if (r.mode() == FrameMode.TRACKED) {
                    VideoBench.Result every = pair[0];
                    d.put("emotionAgreement", round(VideoBench.agreement(r.labels(), every.labels())));
                    d.put("recallOverEveryFrame", round(r.score().recall() / every.score().recall()));
                    d.put("everyFrameCpuOverTracked", round(every.cpuMsPerVideoSecond() / r.cpuMsPerVideoSecond()));
                    for (PeerRun p : peers) {
                        d.put("peer" + (p.mode().equals("cache on") ? "CacheOn" : "CacheOff") + "CpuOverTracked",
                                round(p.figures().get("cpuMsPerVideoSecond").asDouble() / r.cpuMsPerVideoSecond()));
                    }
                }
                pipelines.put(r.label(), d);
            }
        }
        Map<String, Object> f = new LinkedHashMap<>();
        Map<String, Object> video = new LinkedHashMap<>();
        video.put("frames", script.frames());
        video.put("fps", script.fps());
        video.put("width", MovingFaceClip.WIDTH);
        video.put("height", MovingFaceClip.HEIGHT);
        f.put("video", video);
        f.put("pipelines", pipelines);
        if (!peers.isEmpty()) {
            Map<String, Object> modes = new LinkedHashMap<>();
            for (PeerRun p : peers) {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("peer", p.figures().get("peer").asText());
                d.put("meanMs", round(p.figures().get("meanMs").asDouble()));
                d.put("p95Ms", round(p.figures().get("p95Ms").asDouble()));
                d.put("cpuMsPerVideoSecond", round(p.figures().get("cpuMsPerVideoSecond").asDouble()));
                score(d, p.score());
                modes.put(p.mode(), d);
            }
            f.put("peer", modes);
        }
        return f;
    }

    private static void score(Map<String, Object> d, Scoring.Score s) {
        d.put("recall", round(s.recall()));
        d.put("visibleFaces", s.visible());
        d.put("strayBoxes", s.stray());
        d.put("newFaceMaxSeconds", round(s.newFaceMaxSeconds()));
        d.put("facesNeverFound", s.facesNeverFound());
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
