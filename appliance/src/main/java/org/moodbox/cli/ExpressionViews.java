package org.moodbox.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.moodbox.model.Emotion;
import org.moodbox.models.fer.FerSet;

/**
 * The views {@code eval emotion} scores beside its main rule in the same pass (the clear and subtle expressions
 * beside the standard FER+ test): each view's accuracy, recall per class, and how many angry and sad faces it
 * read as neutral, the confusion that makes a frowning person look unseen.
 */
final class ExpressionViews {
    private static final Emotion[] INTO_NEUTRAL = {Emotion.ANGRY, Emotion.SAD};
    private final FerSet faces;
    private final List<FerLabelRule> rules;
    private final List<EmotionScores> scores = new ArrayList<>();

    ExpressionViews(FerSet faces, List<FerLabelRule> rules) {
        this.faces = faces;
        this.rules = List.copyOf(rules);
        rules.forEach(r -> scores.add(new EmotionScores()));
    }

    /** Whether any view scores row {@code i} (a face the main rule leaves out may still be in a view). */
    boolean wants(int i) {
        for (FerLabelRule rule : rules) {
            if (rule.label(faces, i) >= 0) {
                return true;
            }
        }
        return false;
    }

    void add(int i, int predicted) {
        for (int v = 0; v < rules.size(); v++) {
            int truth = rules.get(v).label(faces, i);
            if (truth >= 0) {
                scores.get(v).add(truth, predicted);
            }
        }
    }

    /** One paragraph a view, for people; empty without views. */
    String text() {
        StringBuilder sb = new StringBuilder();
        for (int v = 0; v < rules.size(); v++) {
            EmotionScores s = scores.get(v);
            sb.append(String.format(Locale.ROOT, "view %s (%s): %d faces, accuracy %.4f, macro-F1 %.4f%n",
                    rules.get(v).id(), rules.get(v).description(), s.total(), s.accuracy(), s.macroF1()));
            sb.append("  recall");
            for (Emotion e : Emotion.values()) {
                if (s.count(e.ordinal()) > 0) {
                    sb.append(String.format(Locale.ROOT, "  %s %.3f", e.label(), s.recall(e.ordinal())));
                }
            }
            sb.append(String.format("%n  read as neutral:"));
            for (Emotion e : INTO_NEUTRAL) {
                sb.append(String.format(Locale.ROOT, " %s %d of %d;", e.label(),
                        s.confused(e.ordinal(), Emotion.NEUTRAL.ordinal()), s.count(e.ordinal())));
            }
            sb.setLength(sb.length() - 1);
            sb.append(String.format("%n"));
        }
        return sb.toString();
    }

    /** The views by name for the JSON line: faces, accuracy, macro-F1, recall, read-as-neutral counts, confusion. */
    Map<String, Object> json() {
        Map<String, Object> views = new LinkedHashMap<>();
        for (int v = 0; v < rules.size(); v++) {
            EmotionScores s = scores.get(v);
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("faces", s.total());
            view.put("accuracy", EmotionScores.round(s.accuracy()));
            view.put("macroF1", EmotionScores.round(s.macroF1()));
            view.put("recall", s.recallByLabel());
            Map<String, Long> intoNeutral = new LinkedHashMap<>();
            for (Emotion e : INTO_NEUTRAL) {
                intoNeutral.put(e.label(), s.confused(e.ordinal(), Emotion.NEUTRAL.ordinal()));
            }
            view.put("readAsNeutral", intoNeutral);
            view.put("confusion", s.matrix());
            views.put(rules.get(v).id(), view);
        }
        return views;
    }
}
