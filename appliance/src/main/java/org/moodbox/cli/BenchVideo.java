package org.moodbox.cli;

import com.fasterxml.jackson.databind.JsonNode;
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

import static org.moodbox.cli.BenchVision.round;

/**
 * {@code moodbox bench vision --video}: each pipeline every frame and tracked on the moving-face clip
 * ({@link MovingFaceClip#benchScript()}), and with {@code --peer} Human in each {@link HumanPeer.VideoMode} (its
 * frame skipping and cache off, on, and on with its face mesh), all in one run; every comparison is printed as a
 * ratio of figures taken in that run.
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
                // Cache off first: the others' emotion agreement is measured against it.
                for (HumanPeer.VideoMode mode : HumanPeer.VideoMode.values()) {
                    JsonNode figures = HumanPeer.runVideo(clip, mode);
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
        out.printf("%-46s %7s %7s %9s %7s %7s %7s %8s %6s %7s %9s%n", "pipeline", "ms mean", "ms p95", "CPU ms/s",
                "det/s", "reads/s", "recall", "new face", "stray", "flicker", "agreement");
        for (VideoBench.Result[] pair : pairs) {
            for (VideoBench.Result r : pair) {
                Scoring.Score s = r.score();
                out.printf("%-46s %7.2f %7.2f %9.1f %7.2f %7.2f %7.4f %7.2fs %6d %7.4f %9s%n", r.label(), r.meanMs(),
                        r.p95Ms(), r.cpuMsPerVideoSecond(), r.detectionsPerSecond(), r.readingsPerSecond(), s.recall(),
                        s.newFaceMaxSeconds(), s.stray(), VideoBench.flicker(r.labels()), r.mode() == FrameMode.TRACKED
                                ? String.format("%.4f", VideoBench.agreement(r.labels(), pair[0].labels())) : "-");
            }
        }
        for (PeerRun p : peers) {
            JsonNode f = p.figures();
            out.printf("%-46s %7.2f %7.2f %9.1f %7s %7s %7.4f %7.2fs %6d %7.4f %9s%n", "peer " + f.get("peer").asText()
                            + ", " + p.mode(), f.get("meanMs").asDouble(), f.get("p95Ms").asDouble(),
                    f.get("cpuMsPerVideoSecond").asDouble(), "-", "-", p.score().recall(), p.score().newFaceMaxSeconds(),
                    p.score().stray(), VideoBench.flicker(p.labels()), p != peers.get(0)
                            ? String.format("%.4f", VideoBench.agreement(p.labels(), peers.get(0).labels())) : "-");
        }
        out.println("CPU ms/s: CPU time of the analysing thread (the peer: its process) per second of video; det/s:"
                + " full detections; reads/s: emotion classifier runs; recall: visible true faces matched (IoU >= 0.4)"
                + " over all frames; new face: longest wait from a face coming into view to its first match; stray:"
                + " boxes on no true face; flicker: how often a face's emotion changed from one frame to the next;"
                + " agreement: same emotion as the every-frame run (the peer: as with its cache off) for the same true face in"
                + " the same frame.");
        out.println();
    }

    private static void printRatios(PrintWriter out, List<VideoBench.Result[]> pairs, List<PeerRun> peers) {
        for (VideoBench.Result[] pair : pairs) {
            VideoBench.Result every = pair[0];
            VideoBench.Result tracked = pair[1];
            double cpu = tracked.cpuMsPerVideoSecond();
            out.printf("%s, tracked:%n", every.detector().id() + " + " + every.model().id());
            out.printf("  %.1fx less CPU than every frame; recall %.4f of every frame's; emotion agreement %.4f;"
                            + " new face within %.2f s%n", every.cpuMsPerVideoSecond() / cpu,
                    tracked.score().recall() / every.score().recall(), VideoBench.agreement(tracked.labels(), every.labels()),
                    tracked.score().newFaceMaxSeconds());
            for (PeerRun p : peers) {
                double peerCpu = p.figures().get("cpuMsPerVideoSecond").asDouble();
                out.printf("  %.1fx less CPU than Human with %s (every frame: %.1fx)%n", peerCpu / cpu, p.mode(),
                        peerCpu / every.cpuMsPerVideoSecond());
            }
        }
        for (PeerRun p : peers.subList(Math.min(1, peers.size()), peers.size())) {
            PeerRun off = peers.get(0);
            out.printf("Human with %s: %.2fx the CPU of %s; recall %.4f of its%n", p.mode(),
                    p.figures().get("cpuMsPerVideoSecond").asDouble() / off.figures().get("cpuMsPerVideoSecond").asDouble(),
                    off.mode(), p.score().recall() / off.score().recall());
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
                d.put("emotionFlicker", round(VideoBench.flicker(r.labels())));
                score(d, r.score());
                if (r.mode() == FrameMode.TRACKED) {
                    VideoBench.Result every = pair[0];
                    d.put("emotionAgreement", round(VideoBench.agreement(r.labels(), every.labels())));
                    d.put("recallOverEveryFrame", round(r.score().recall() / every.score().recall()));
                    d.put("everyFrameCpuOverTracked", round(every.cpuMsPerVideoSecond() / r.cpuMsPerVideoSecond()));
                    Map<String, Object> overPeer = new LinkedHashMap<>();
                    for (PeerRun p : peers) {
                        overPeer.put(p.mode(), round(p.figures().get("cpuMsPerVideoSecond").asDouble()
                                / r.cpuMsPerVideoSecond()));
                    }
                    if (!overPeer.isEmpty()) {
                        d.put("peerCpuOverTracked", overPeer);
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
                d.put("cachedFrames", p.figures().get("cachedFrames").asInt());
                d.put("emotionFlicker", round(VideoBench.flicker(p.labels())));
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
}
