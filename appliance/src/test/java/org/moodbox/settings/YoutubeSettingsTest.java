package org.moodbox.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The owner's phone-link and YouTube settings, and the API key's own 0600 file. */
class YoutubeSettingsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path data;

    @Test
    void aNewBoxLinksToYoutubeAndDoesNotSearch() {
        YoutubeSettings y = SettingsStore.open(data).current().youtube();
        assertThat(y.phoneLink()).isEqualTo("youtube");
        assertThat(y.searchEnabled()).isFalse();
        assertThat(y.dailyQuotaUnits()).isEqualTo(10_000);
        assertThat(y.searchesPerDay()).isEqualTo(100);
    }

    @Test
    void savedAndReopenedWithoutTouchingTheOtherSettings() throws Exception {
        SettingsStore store = SettingsStore.open(data);
        store.update(JSON.readTree("{\"languages\": [\"ja\"]}"));
        Settings saved = store.update(JSON.readTree(
                "{\"youtube\": {\"phoneLink\": \"Spotify\", \"searchEnabled\": true, \"dailyQuotaUnits\": 5000}}"));

        Settings reopened = SettingsStore.open(data).current();
        assertThat(reopened).isEqualTo(saved);
        assertThat(reopened.youtube()).isEqualTo(new YoutubeSettings("spotify", true, 5000));
        assertThat(reopened.languages()).containsExactly("ja");
        // a form that sends only part of the object keeps the rest
        Settings partly = store.update(JSON.readTree("{\"youtube\": {\"searchEnabled\": false}}"));
        assertThat(partly.youtube()).isEqualTo(new YoutubeSettings("spotify", false, 5000));
    }

    @Test
    void badValuesAreNamedPerFieldAndNothingIsSaved() throws Exception {
        SettingsStore store = SettingsStore.open(data);
        Settings before = store.current();

        InvalidSettingsException e = catchThrowableOfType(InvalidSettingsException.class, () -> store.update(JSON.readTree("""
                {"volumeCap": 0.5, "youtube": {"phoneLink": "tidal", "searchEnabled": "yes",
                 "dailyQuotaUnits": 50, "colour": 1}}""")));

        assertThat(e.fieldErrors()).containsKeys("youtube.phoneLink", "youtube.searchEnabled",
                "youtube.dailyQuotaUnits", "youtube.colour");
        assertThat(e.fieldErrors().get("youtube.phoneLink")).contains("youtube, spotify").contains("tidal");
        assertThat(e.fieldErrors().get("youtube.dailyQuotaUnits")).contains("100");
        assertThat(store.current()).isEqualTo(before);
        assertThat(store.file()).doesNotExist();
    }

    @Test
    void wrongTypesAreSentencesToo() throws Exception {
        SettingsStore store = SettingsStore.open(data);
        InvalidSettingsException e = catchThrowableOfType(InvalidSettingsException.class,
                () -> store.update(JSON.readTree("{\"youtube\": {\"dailyQuotaUnits\": \"lots\"}}")));
        assertThat(e.fieldErrors().get("youtube.dailyQuotaUnits")).contains("whole number");

        e = catchThrowableOfType(InvalidSettingsException.class,
                () -> store.update(JSON.readTree("{\"youtube\": \"on\"}")));
        assertThat(e.fieldErrors()).containsKey("youtube");

        e = catchThrowableOfType(InvalidSettingsException.class,
                () -> store.update(JSON.readTree("{\"youtube\": {\"dailyQuotaUnits\": 12.5}}")));
        assertThat(e.fieldErrors()).containsKey("youtube.dailyQuotaUnits");
    }

    @Test
    void aSettingsFileFromBeforeTheYoutubeSectionReadsWithItsDefaults() throws Exception {
        Files.writeString(data.resolve(SettingsStore.FILE_NAME), """
                {"languages": ["en"], "favouriteArtists": [], "excludedArtists": [], "volumeCap": 0.7,
                 "screenSchedule": {"nightDimStart": "22:00", "nightDimEnd": "07:00"},
                 "detector": "mtcnn", "cameraSource": "usb:/dev/video0"}""");

        SettingsStore store = SettingsStore.open(data);

        assertThat(store.loadProblem()).isEmpty();
        assertThat(store.current().youtube()).isEqualTo(YoutubeSettings.defaults());
        assertThat(store.current().volumeCap()).isEqualTo(0.7);
    }

    @Test
    void theApiKeyLivesInItsOwnOwnerOnlyFileAndIsOnlyEverHinted() throws Exception {
        SecretFile key = SecretFile.open(data, "youtube-api-key");
        assertThat(key.value()).isEmpty();

        key.set("AIzaSyA-0123456789_abcdefghijklmnopqrstu");

        Path file = data.resolve("youtube-api-key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(SecretFile.open(data, "youtube-api-key").value()).contains("AIzaSyA-0123456789_abcdefghijklmnopqrstu");
        assertThat(key.hint()).contains("\u2026rstu");
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("AIzaSyA-0123456789_abcdefghijklmnopqrstu");

        key.clear();
        assertThat(file).doesNotExist();
        assertThat(SecretFile.open(data, "youtube-api-key").value()).isEmpty();
    }

    @Test
    void aKeyFileCopiedInWorldReadableIsTightenedAtOpen() throws Exception {
        Path file = data.resolve("youtube-api-key");
        Files.writeString(file, "AIzaSyA-0123456789_abcdefghijklmnopqrstu\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        SecretFile key = SecretFile.open(data, "youtube-api-key");

        assertThat(key.value()).contains("AIzaSyA-0123456789_abcdefghijklmnopqrstu");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
}
