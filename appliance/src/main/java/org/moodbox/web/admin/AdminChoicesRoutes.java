package org.moodbox.web.admin;

import org.moodbox.web.shared.Access;
import org.moodbox.web.shared.ApiException;
import org.moodbox.web.shared.ArtistDirectory;
import org.moodbox.web.shared.WebExtension;
import org.moodbox.web.shared.WebRoom;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.moodbox.model.Strategy;
import org.moodbox.vision.DetectorKind;
import org.moodbox.vision.EmotionModelKind;
import org.moodbox.model.Emotion;

/**
 * What the admin page's selects offer, from the server, so a new detector, model or strategy needs no change
 * to the page: each choice has the value the settings store and a label a person reads. Also the artist search
 * behind the favourite and excluded lists.
 */
public final class AdminChoicesRoutes implements WebExtension {
    static final int MAX_ARTIST_MATCHES = 12;
    static final int MAX_QUERY_LENGTH = 100;

    private final ArtistDirectory artists;

    /** @param artists artist names from the catalog, for search as you type; null where a server has none */
    public AdminChoicesRoutes(ArtistDirectory artists) {
        this.artists = artists;
    }

    record Choice(String value, String label, String hint) {
    }

    /** A setting the page shows as a select: the settings field it saves, its label, and the options. */
    record Select(String label, List<Choice> options) {
    }

    @Override
    public void register(RoutesConfig routes, WebRoom room) {
        routes.get("/admin/api/choices", ctx -> ctx.json(choices()), Access.OWNER);
        routes.get("/admin/api/artists", this::artists, Access.OWNER);
    }

    static Map<String, Object> choices() {
        Map<String, Object> view = new LinkedHashMap<>();
        // One select per settings field of the vision section; a field added here (an emotion model, say)
        // appears on the page without touching it.
        Map<String, Select> vision = new LinkedHashMap<>();
        vision.put("detector", new Select("Face detector",
                Arrays.stream(DetectorKind.values()).map(AdminChoicesRoutes::detector).toList()));
        vision.put("emotionModel", new Select("Emotion model",
                Arrays.stream(EmotionModelKind.values()).map(AdminChoicesRoutes::emotionModel).toList()));
        view.put("vision", vision);
        view.put("strategy", Arrays.stream(Strategy.values()).map(AdminChoicesRoutes::strategy).toList());
        view.put("emotion", Arrays.stream(Emotion.values())
                .map(e -> new Choice(e.label(), EmotionNames.of(e), null)).toList());
        return view;
    }

    private static Choice detector(DetectorKind kind) {
        return switch (kind) {
            case MTCNN -> new Choice(kind.id(), "MTCNN",
                    "five landmarks; about 2.5 times the frame time of BlazeFace full range");
            case MTCNN_INT8 -> new Choice(kind.id(), "MTCNN int8", "our 8-bit version: a little faster, "
                    + "and it may miss a borderline face the float one finds");
            case BLAZEFACE_FULL -> new Choice(kind.id(), "BlazeFace full range (default)",
                    "groups up to about 5 m, several times faster");
            case BLAZEFACE_SHORT -> new Choice(kind.id(), "BlazeFace short range (fastest)",
                    "one or two people close to the screen");
        };
    }

    private static Choice emotionModel(EmotionModelKind kind) {
        return switch (kind) {
            case CNN -> new Choice(kind.id(), "CNN (float)", "the FER-2013 mini-Xception as trained");
            case CNN_INT8 -> new Choice(kind.id(), "CNN int8", "half the time per face; agrees with the float CNN "
                    + "on about 97% of faces");
            case DCNN -> new Choice(kind.id(), "DCNN int8 (ours, FER labels)", "our first model, trained on one label a"
                    + " face: fast, weaker on rare emotions (disgust, fear)");
            case DCNN_FLOAT -> new Choice(kind.id(), "DCNN float (ours, FER labels)", "the same before quantization; slower");
            case DCNN_VOTES -> new Choice(kind.id(), "DCNN on the votes, int8 (ours)", "trained on what ten people saw in"
                    + " each face: reads the crowd's emotion about four faces in five, fast");
            case DCNN_VOTES_FLOAT -> new Choice(kind.id(), "DCNN on the votes, float (ours)", "the same before"
                    + " quantization; the same answers, slower");
            case DCNN_VOTES_FLIP -> new Choice(kind.id(), "DCNN on the votes, two views (ours)", "reads each face and"
                    + " its mirror image: a point more often right, twice the work per face");
            case COMPACT -> new Choice(kind.id(), "Compact (ours, default)", "a small network trained long on what ten"
                    + " people saw in each face: reads the crowd's emotion five faces in six; the fastest of ours");
            case COMPACT_FLOAT -> new Choice(kind.id(), "Compact, float (ours)", "the same before quantization; the"
                    + " same answers on 99 faces in 100, slower");
            case FNET -> new Choice(kind.id(), "Face-pretrained (ours)", "starts from a network that already knows"
                    + " faces; rarely sees disgust or fear; the slowest");
        };
    }

    private static Choice strategy(Strategy strategy) {
        return switch (strategy) {
            case MATCH -> new Choice(strategy.label(), "Match", "music that fits the mood as it is");
            case LIFT -> new Choice(strategy.label(), "Lift", "start with the mood, then step toward a better one");
            case CALM -> new Choice(strategy.label(), "Calm", "gentle, quiet music whatever the mood");
        };
    }

    private void artists(Context ctx) {
        String text = ctx.queryParam("q");
        if (text == null || text.isBlank()) {
            ctx.json(Map.of("artists", List.of()));
            return;
        }
        if (text.length() > MAX_QUERY_LENGTH) {
            throw ApiException.badRequest("the search text is longer than " + MAX_QUERY_LENGTH + " characters");
        }
        List<String> found = artists == null ? List.of() : artists.search(text, MAX_ARTIST_MATCHES);
        ctx.json(Map.of("artists", found));
    }
}
