package org.moodbox.app;

import org.moodbox.model.SourceKind;
import org.moodbox.recommend.MoodRecommender;
import org.moodbox.recommend.StrategyPlan;
import org.moodbox.recommend.TrackFilter;
import org.moodbox.recommend.TrackSource;
import org.moodbox.model.Emotion;
import org.moodbox.model.Mood;
import org.moodbox.model.Features;
import org.moodbox.model.Strategy;


import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moodbox.model.Track;
import org.moodbox.settings.SettingsStore;

/** The owner's strategy per emotion, saved in a real settings store, shapes the very next recommendations. */
class SettingsStrategyPlanTest {
    @TempDir
    Path data;

    @Test
    void aSavedStrategyAppliesToTheNextRequest() {
        SettingsStore settings = SettingsStore.open(data);
        List<Track> tracks = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            tracks.add(new Track(i + 1, SourceKind.LOCAL, "file:///t" + i, "Track " + i, "Artist " + (i % 10), null, null,
                    null, 180, false, null, new Features((i % 8) / 7.0, (i / 8) / 4.0, null, "test")));
        }
        MoodRecommender recommender = new MoodRecommender(TrackSource.of(() -> tracks), () -> TrackFilter.ANY,
                OwnerSettings.strategyPlan(settings, StrategyPlan.DEFAULT_LIFT_STEPS), 0);
        Mood angry = Mood.chosen(Emotion.ANGRY, Instant.now());

        assertThat(recommender.recommend(angry, 3).get(0).reason()).as("default: angry is calmed").contains("to calm");

        settings.update(new ObjectMapper().createObjectNode().set("strategies",
                new ObjectMapper().createObjectNode().put("angry", "match")));

        assertThat(recommender.plan().strategyFor(Emotion.ANGRY)).isEqualTo(Strategy.MATCH);
        assertThat(recommender.recommend(angry, 3).get(0).reason()).contains("to match");
    }
}
