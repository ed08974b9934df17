package org.moodbox.recommend;

import org.moodbox.model.SourceKind;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.moodbox.model.Features;
import org.moodbox.model.Track;
import org.moodbox.model.Mood;
import org.moodbox.model.Strategy;
import org.moodbox.model.Emotion;

/** A card's words describe the song's own perceived mood, whatever else the library holds. */
class ReasonWriterTest {
    /** Only bright, energetic songs (Spotify valence .75..1, energy .75..1): "Fight Song" country. */
    private static List<Track> brightLibrary() {
        List<Track> tracks = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            tracks.add(new Track(i + 1, SourceKind.IMPORT, "u" + i, "S" + i, "Artist " + (i % 7), null, null, "en", 200, false,
                    null, new Features(0.75 + 0.25 * (i % 10) / 9.0, 0.75 + 0.25 * (i / 10) / 9.0, 120.0, "imported",
                    1, -5.0, 0.05, 0.7)));
        }
        return tracks;
    }

    @Test
    void theLeastBrightOfBrightSongsIsNotCalledMelancholy() {
        List<Track> tracks = brightLibrary();
        for (Emotion e : List.of(Emotion.SAD, Emotion.ANGRY, Emotion.FEAR, Emotion.DISGUST)) {
            List<Recommendation> picks = new MoodRecommender(() -> tracks, TrackFilter.ANY, Strategy.MATCH)
                    .recommend(Mood.chosen(e, Instant.EPOCH), 5);
            assertThat(picks).isNotEmpty().allSatisfy(r -> {
                assertThat(r.reason()).as("%s", e).doesNotContain("Melancholy").contains("Nothing really");
                assertThat(PerceivedMood.of(r.track().features()).valence()).isGreaterThan(ReasonWriter.MELANCHOLY);
            });
        }
    }

    @Test
    void wordsFollowThePerceivedScale() {
        Mood sad = Mood.chosen(Emotion.SAD, Instant.EPOCH);
        assertThat(ReasonWriter.reason(0.2, 0.2, sad)).startsWith("Melancholy and gentle, to match your sad mood");
        assertThat(ReasonWriter.reason(0.5, 0.45, sad)).startsWith("Mellow and steady");
        assertThat(ReasonWriter.reason(0.8, 0.7, sad)).startsWith("Bright and lively");
        assertThat(ReasonWriter.reason(0.5, 0.45, sad, Strategy.CALM, 0, 1, "calm"))
                .isEqualTo("Nothing really calm here; these are the calmest. Mellow and steady, to calm your sad mood");
        assertThat(ReasonWriter.reason(0.5, 0.45, sad, Strategy.MATCH, 0, 1, "fear"))
                .startsWith("Nothing really fearful here; these are the most fearful.");
    }
}
