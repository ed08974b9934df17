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
        assertThat(s.detector()).isEqualTo(DetectorKind.MTCNN);
    }

    @Test
    void normalisesLanguagesAndArtists() {
        Settings s = new Settings(List.of(" EN", "de", "en"), List.of(" Queen ", "queen", "Abba"), List.of(), 0.5,
                ScreenSchedule.defaults(), DetectorKind.BLAZEFACE_FULL, " usb:/dev/video0 ");
        assertThat(s.languages()).containsExactly("en", "de");
        assertThat(s.favouriteArtists()).containsExactly("Queen", "Abba");
        assertThat(s.cameraSource()).isEqualTo("usb:/dev/video0");
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
