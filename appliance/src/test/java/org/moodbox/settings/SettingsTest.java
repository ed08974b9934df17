package org.moodbox.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.moodbox.vision.DetectorKind;

class SettingsTest {
    @Test
    void defaultsAreValid() {
        Settings s = Settings.defaults();
        assertThat(s.volumeCap()).isEqualTo(0.8);
        assertThat(s.detector()).isEqualTo(DetectorKind.BLAZEFACE_FULL);
    }

    @Test
    void normalisesLanguagesAndArtists() {
        Settings s = new Settings(List.of(" EN", "de", "en"), List.of(" Queen ", "queen", "Abba"), List.of(), 0.5,
                ScreenSchedule.defaults(), DetectorKind.BLAZEFACE_FULL, " usb:/dev/video0 ");
        assertThat(s.languages()).containsExactly("en", "de");
        assertThat(s.favouriteArtists()).containsExactly("Queen", "Abba");
        assertThat(s.cameraSource()).as("the first builds' spelling, read as the device").isEqualTo("/dev/video0");
    }

    @Test
    void everyEmotionHasAStrategyAndFoldersAreFullNormalisedPaths() {
        Settings s = new Settings(List.of(), List.of(), List.of(), 0.5, ScreenSchedule.defaults(), DetectorKind.MTCNN,
                "/dev/video0", java.util.Map.of(org.moodbox.model.Emotion.SAD, org.moodbox.model.Strategy.CALM),
                List.of("/media/usb/../usb/Music/", "/media/usb/Music"), null,
                org.moodbox.vision.EmotionModelKind.CNN, GpioSettings.defaults());
        assertThat(s.strategies()).hasSize(org.moodbox.model.Emotion.values().length)
                .containsEntry(org.moodbox.model.Emotion.SAD, org.moodbox.model.Strategy.CALM)
                .containsEntry(org.moodbox.model.Emotion.HAPPY, org.moodbox.model.Strategy.MATCH);
        assertThat(s.libraryFolders()).containsExactly("/media/usb/Music");
        assertThat(Settings.defaults().strategies()).containsEntry(org.moodbox.model.Emotion.SAD,
                org.moodbox.model.Strategy.LIFT);

        InvalidSettingsException e = catchThrowableOfType(() -> new Settings(List.of(), List.of(), List.of(), 0.5,
                ScreenSchedule.defaults(), DetectorKind.MTCNN, "/dev/video0", null, List.of("Music", " "), null,
                org.moodbox.vision.EmotionModelKind.CNN, GpioSettings.defaults()),
                InvalidSettingsException.class);
        assertThat(e.fieldErrors().get("libraryFolders")).contains("'Music' is not a full path");
    }

    @Test
    void strategiesAndFoldersSurviveTheFileRoundTrip() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        Settings saved = SettingsJson.read(json.readTree(
                "{\"strategies\": {\"happy\": \"lift\"}, \"libraryFolders\": [\"/srv/music\"]}"), Settings.defaults());
        Settings read = SettingsJson.read(json.readTree(json.writeValueAsBytes(SettingsJson.write(json, saved))),
                Settings.defaults());
        assertThat(read).isEqualTo(saved);
        assertThat(read.strategies().get(org.moodbox.model.Emotion.HAPPY)).isEqualTo(org.moodbox.model.Strategy.LIFT);
        assertThat(read.strategies().get(org.moodbox.model.Emotion.SAD)).as("others keep the base's")
                .isEqualTo(org.moodbox.model.Strategy.LIFT);
        InvalidSettingsException e = catchThrowableOfType(() -> SettingsJson.read(json.readTree(
                "{\"strategies\": {\"sad\": \"Lift\"}, \"libraryFolders\": \"/srv\"}"), Settings.defaults()),
                InvalidSettingsException.class);
        assertThat(e.fieldErrors()).containsOnlyKeys("strategies.sad", "libraryFolders");
    }

    @Test
    void reportsEveryBadFieldAtOnce() {
        InvalidSettingsException e = catchThrowableOfType(() -> new Settings(List.of("english"), List.of("Queen"),
                List.of("QUEEN"), 2, ScreenSchedule.defaults(), null, ""), InvalidSettingsException.class);
        assertThat(e.fieldErrors()).containsOnlyKeys("languages", "excludedArtists", "volumeCap", "detector",
                "cameraSource");
        assertThat(e.fieldErrors().get("languages")).contains("'english'", "ISO 639-1");
        assertThat(e.fieldErrors().get("excludedArtists")).contains("also a favourite");
        assertThat(e.fieldErrors().get("volumeCap")).contains("between 0 and 1");
    }

    @Test
    void scheduleWantsTwentyFourHourTimesAndMayCrossMidnight() {
        assertThatThrownBy(() -> new ScreenSchedule("25:00", "7:00"))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys("screenSchedule.nightDimStart", "screenSchedule.nightDimEnd"));
        ScreenSchedule night = new ScreenSchedule("22:00", "07:00");
        assertThat(night.dimsAt(LocalTime.of(23, 30))).isTrue();
        assertThat(night.dimsAt(LocalTime.of(6, 59))).isTrue();
        assertThat(night.dimsAt(LocalTime.of(7, 0))).isFalse();
        assertThat(night.dimsAt(LocalTime.NOON)).isFalse();
        assertThat(new ScreenSchedule("08:00", "08:00").dimsAt(LocalTime.of(8, 0))).isFalse();
    }
}
