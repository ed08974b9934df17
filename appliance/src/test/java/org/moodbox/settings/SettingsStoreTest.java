package org.moodbox.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moodbox.vision.DetectorKind;

class SettingsStoreTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path data;

    @Test
    void aNewBoxHasDefaultsAndNoFile() {
        SettingsStore store = SettingsStore.open(data);
        assertThat(store.current()).isEqualTo(Settings.defaults());
        assertThat(store.loadProblem()).isEmpty();
        assertThat(store.file()).doesNotExist();
    }

    @Test
    void roundTripsThroughTheFileAndTellsListeners() throws Exception {
        SettingsStore store = SettingsStore.open(data);
        List<Settings> heard = new ArrayList<>();
        store.subscribe(heard::add);
        Settings saved = store.update(JSON.readTree("""
                {"languages": ["en", "de"], "favouriteArtists": ["Maxstack"], "excludedArtists": ["Noise Co"],
                 "volumeCap": 0.6, "screenSchedule": {"nightDimStart": "23:15", "nightDimEnd": "06:30"},
                 "detector": "blazeface-short", "cameraSource": "file:/srv/cam.y4m"}"""));

        assertThat(heard).containsExactly(saved);
        Settings reopened = SettingsStore.open(data).current();
        assertThat(reopened).isEqualTo(saved);
        assertThat(reopened.languages()).containsExactly("en", "de");
        assertThat(reopened.screenSchedule().nightDimStart()).isEqualTo("23:15");
        assertThat(reopened.detector()).isEqualTo(DetectorKind.BLAZEFACE_SHORT);
        // only the settings file is left: no temporary files lying around
        try (var files = Files.list(data)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(SettingsStore.FILE_NAME);
        }
    }

    @Test
    void fieldsMissingFromAnUpdateKeepTheirValues() throws Exception {
        SettingsStore store = SettingsStore.open(data);
        store.update(JSON.readTree("{\"languages\": [\"fr\"]}"));
        Settings after = store.update(JSON.readTree("{\"volumeCap\": 0.3}"));
        assertThat(after.languages()).containsExactly("fr");
        assertThat(after.volumeCap()).isEqualTo(0.3);
    }

    @Test
    void anInvalidUpdateChangesNothing() throws Exception {
        SettingsStore store = SettingsStore.open(data);
        store.update(JSON.readTree("{\"volumeCap\": 0.5}"));
        byte[] before = Files.readAllBytes(store.file());
        List<Settings> heard = new ArrayList<>();
        store.subscribe(heard::add);

        InvalidSettingsException e = catchThrowableOfType(() -> store.update(JSON.readTree("""
                {"volumeCap": 2, "languages": ["english"], "favouriteArtists": ["A"], "excludedArtists": ["a"],
                 "screenSchedule": {"nightDimStart": "9pm"}, "colour": "red"}""")), InvalidSettingsException.class);

        assertThat(e.fieldErrors()).containsOnlyKeys("volumeCap", "languages", "excludedArtists",
                "screenSchedule.nightDimStart", "colour");
        assertThat(Files.readAllBytes(store.file())).isEqualTo(before);
        assertThat(store.current().volumeCap()).isEqualTo(0.5);
        assertThat(heard).isEmpty();
    }

    @Test
    void wrongTypesAreFieldErrorsToo() {
        InvalidSettingsException e = catchThrowableOfType(() -> SettingsStore.open(data).update(JSON.readTree(
                "{\"volumeCap\": \"loud\", \"languages\": \"en\", \"detector\": \"yolo\"}")),
                InvalidSettingsException.class);
        assertThat(e.fieldErrors()).containsOnlyKeys("volumeCap", "languages", "detector");
    }

    @Test
    void theEmotionModelIsASettingWithTheValidNamesInItsError() throws Exception {
        SettingsStore store = SettingsStore.open(data);
        Settings saved = store.update(JSON.readTree("{\"emotionModel\": \"cnn-int8\", \"detector\": \"mtcnn-int8\"}"));
        assertThat(saved.emotionModel()).isEqualTo(org.moodbox.vision.EmotionModelKind.CNN_INT8);
        assertThat(SettingsStore.open(data).current().emotionModel()).isEqualTo(org.moodbox.vision.EmotionModelKind.CNN_INT8);
        assertThat(SettingsJson.write(JSON, saved).get("emotionModel").asText()).isEqualTo("cnn-int8");

        InvalidSettingsException e = catchThrowableOfType(() -> store.update(JSON.readTree(
                "{\"emotionModel\": \"resnet\"}")), InvalidSettingsException.class);
        assertThat(e.fieldErrors()).containsOnlyKeys("emotionModel");
        assertThat(e.fieldErrors().get("emotionModel")).contains("must be one of cnn, cnn-int8", "\"resnet\"");
        assertThat(store.current().emotionModel()).isEqualTo(org.moodbox.vision.EmotionModelKind.CNN_INT8);
    }

    @Test
    void aCorruptFileIsKeptAsideAndDefaultsApply() throws Exception {
        byte[] corrupt = "{\"volumeCap\": 0.4, \"languages\": [".getBytes(StandardCharsets.UTF_8);
        Files.write(data.resolve(SettingsStore.FILE_NAME), corrupt);

        SettingsStore store = SettingsStore.open(data);

        assertThat(store.current()).isEqualTo(Settings.defaults());
        assertThat(store.loadProblem()).hasValueSatisfying(p ->
                assertThat(p).contains("not valid JSON", "settings.json.corrupt"));
        assertThat(data.resolve("settings.json.corrupt")).hasBinaryContent(corrupt);
        assertThat(store.file()).doesNotExist();
    }

    @Test
    void anInvalidFileIsKeptAsideWithoutReplacingAnOlderCorruptOne() throws Exception {
        Files.writeString(data.resolve("settings.json.corrupt"), "older");
        Files.writeString(data.resolve(SettingsStore.FILE_NAME), "{\"volumeCap\": 7}");

        SettingsStore store = SettingsStore.open(data);

        assertThat(store.loadProblem()).hasValueSatisfying(p -> assertThat(p).contains("volumeCap"));
        assertThat(data.resolve("settings.json.corrupt")).hasContent("older");
        assertThat(data.resolve("settings.json.corrupt.1")).hasContent("{\"volumeCap\": 7}");
    }

    @Test
    void anUnknownKeyIsKeptAsideAndEveryOtherSettingStillApplies() throws Exception {
        Files.writeString(data.resolve(SettingsStore.FILE_NAME),
                "{\"volumeCap\": 0.4, \"languages\": [\"de\"], \"ledBrightness\": 3, \"theme\": {\"dark\": true}}");

        SettingsStore store = SettingsStore.open(data);

        assertThat(store.current().volumeCap()).isEqualTo(0.4);
        assertThat(store.current().languages()).containsExactly("de");
        assertThat(store.loadProblem()).hasValueSatisfying(p ->
                assertThat(p).contains("ledBrightness, theme", SettingsStore.UNKNOWN_FILE_NAME));
        assertThat(JSON.readTree(data.resolve(SettingsStore.UNKNOWN_FILE_NAME).toFile()))
                .isEqualTo(JSON.readTree("{\"ledBrightness\": 3, \"theme\": {\"dark\": true}}"));
        assertThat(data.resolve("settings.json.corrupt")).doesNotExist();
    }

    @Test
    void theLoadWarningIsClearedByAGoodSave() throws Exception {
        Files.writeString(data.resolve(SettingsStore.FILE_NAME), "{\"volumeCap\": 7}");
        SettingsStore store = SettingsStore.open(data);
        assertThat(store.loadProblem()).isPresent();

        store.update(JSON.readTree("{\"volumeCap\": 0.5}"));

        assertThat(store.loadProblem()).isEmpty();
        assertThat(SettingsStore.open(data).loadProblem()).isEmpty();
    }

    @Test
    void secretsAreOwnerOnlyAndSurviveAReopen() throws Exception {
        AdminSecrets secrets = AdminSecrets.open(data);
        assertThat(secrets.adminPassword()).isEmpty();
        PasswordHash hash = new PasswordHash("PBKDF2WithHmacSHA256", 1000, "c2FsdA==", "aGFzaA==");

        secrets.setAdminPassword(hash);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets.file()))).isEqualTo("rw-------");
        assertThat(AdminSecrets.open(data).adminPassword()).contains(hash);
        assertThat(Files.readString(data.resolve(AdminSecrets.FILE_NAME))).doesNotContain("volumeCap");
    }

    @Test
    void aWorldReadableSecretsFileIsTightenedOnOpen() throws Exception {
        Path file = data.resolve(AdminSecrets.FILE_NAME);
        Files.writeString(file, "{}");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        AdminSecrets.open(data);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void aFollowedPartReachesItsRoomNowAndOnlyWhenItChangesBeforeTheSubscribersHearOfTheSave() {
        SettingsStore store = SettingsStore.open(data);
        List<String> heard = new ArrayList<>();
        store.subscribe(saved -> heard.add("screen"));
        store.follow(Settings::volumeCap, cap -> heard.add("cap " + cap));
        store.followChanges(Settings::cameraSource, source -> heard.add("camera " + source));
        assertThat(heard).as("follow applies now; followChanges waits for a change").containsExactly("cap 0.8");

        store.save(store.current().withVolumeCap(0.5));
        assertThat(heard).as("the room before the screen, though the screen subscribed first")
                .containsExactly("cap 0.8", "cap 0.5", "screen");

        heard.clear();
        store.save(store.current().withVolumeCap(0.5));
        assertThat(heard).as("a save that changes nothing this room follows leaves it alone").containsExactly("screen");
    }
}
