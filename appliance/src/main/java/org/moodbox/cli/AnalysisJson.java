package org.moodbox.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.moodbox.vision.BoundingBox;
import org.moodbox.model.Emotion;
import org.moodbox.vision.FaceReading;
import org.moodbox.vision.FrameAnalysis;
import org.moodbox.vision.Landmarks;

/** The JSON shape of {@code moodbox detect}: plain maps so the field order is the documented one. */
final class AnalysisJson {
    private AnalysisJson() {
    }

    static Map<String, Object> of(String file, Integer frame, FrameAnalysis analysis, double decodeMs) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("file", file);
        if (frame != null) {
            out.put("frame", frame);
        }
        out.put("width", analysis.width());
        out.put("height", analysis.height());
        if (analysis.problem() != null) {
            out.put("error", analysis.problem());
        }
        List<Object> faces = new ArrayList<>();
        for (FaceReading reading : analysis.faces()) {
            faces.add(face(reading));
        }
        out.put("faces", faces);
        Map<String, Object> ms = new LinkedHashMap<>();
        ms.put("decode", round(decodeMs));
        ms.put("detect", round(analysis.timings().detectMs()));
        ms.put("align", round(analysis.timings().alignMs()));
        ms.put("classify", round(analysis.timings().classifyMs()));
        ms.put("total", round(decodeMs + analysis.timings().totalMs()));
        out.put("ms", ms);
        return out;
    }

    private static Map<String, Object> face(FaceReading reading) {
        Map<String, Object> face = new LinkedHashMap<>();
        BoundingBox b = reading.face().box();
        face.put("box", Map.of("x", round(b.x1()), "y", round(b.y1()), "w", round(b.width()), "h", round(b.height())));
        face.put("score", round(reading.face().score()));
        Landmarks l = reading.face().landmarks();
        if (l != null) {
            Map<String, Object> points = new LinkedHashMap<>();
            for (int i = 0; i < 5; i++) {
                points.put(Landmarks.NAMES[i], List.of(round(l.x()[i]), round(l.y()[i])));
            }
            face.put("landmarks", points);
        }
        face.put("emotion", reading.emotion().top().label());
        Map<String, Object> probabilities = new LinkedHashMap<>();
        for (Emotion e : Emotion.values()) {
            probabilities.put(e.label(), round(reading.emotion().probabilities()[e.ordinal()]));
        }
        face.put("probabilities", probabilities);
        face.put("valence", round(reading.emotion().valence()));
        face.put("arousal", round(reading.emotion().arousal()));
        return face;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
