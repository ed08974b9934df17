package org.moodbox.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The box's pins in the owner's settings: checked like every other field, stored and read back. */
class GpioSettingsTest {
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path data;

    private JsonNode parse(String text) throws Exception {
        return json.readTree(text);
    }

    @Test
    void aNewBoxUsesTheDocumentedPins() {
        assertThat(Settings.defaults().gpio()).isEqualTo(new GpioSettings(true, 17, 27, 22));
    }

    @Test
    void pinsOutsideTwoToTwentySevenAreRefusedWithTheFieldNamed() {
        InvalidSettingsException e = catchThrowableOfType(() -> new GpioSettings(true, 1, 28, 22),
                InvalidSettingsException.class);
        assertThat(e.fieldErrors()).containsOnlyKeys("gpio.button", "gpio.statusLed");
        assertThat(e.fieldErrors().get("gpio.button")).contains("from 2 to 27", "got 1");
    }

    @Test
    void twoPartsOnOnePinAreRefused() {
        InvalidSettingsException e = catchThrowableOfType(() -> new GpioSettings(true, 17, 17, 22),
                InvalidSettingsException.class);
        assertThat(e.fieldErrors()).containsOnlyKeys("gpio.statusLed");
        assertThat(e.fieldErrors().get("gpio.statusLed")).contains("GPIO17 is already the button");
    }

    @Test
    void aFormChangingOnePinKeepsTheOthers() throws Exception {
        Settings next = SettingsJson.read(parse("{\"gpio\": {\"button\": 5}}"), Settings.defaults());
        assertThat(next.gpio()).isEqualTo(new GpioSettings(true, 5, 27, 22));
        Settings off = SettingsJson.read(parse("{\"gpio\": {\"enabled\": false}}"), next);
        assertThat(off.gpio()).isEqualTo(new GpioSettings(false, 5, 27, 22));
    }

    @Test
    void wrongTypesAndUnknownFieldsAreSentencesPerField() throws Exception {
        InvalidSettingsException e = catchThrowableOfType(() -> SettingsJson.read(parse(
                "{\"gpio\": {\"enabled\": \"yes\", \"button\": 17.5, \"statusLed\": \"27\", \"fan\": 4}}"),
                Settings.defaults()), InvalidSettingsException.class);
        assertThat(e.fieldErrors()).containsKeys("gpio.enabled", "gpio.button", "gpio.statusLed", "gpio.fan");
        assertThat(catchThrowableOfType(() -> SettingsJson.read(parse("{\"gpio\": [17, 27, 22]}"), Settings.defaults()),
                InvalidSettingsException.class).fieldErrors()).containsOnlyKeys("gpio");
    }

    @Test
    void aRefusedPinChangeLeavesTheSavedFileAlone() throws Exception {
        SettingsStore store = SettingsStore.open(data);
        store.update(parse("{\"gpio\": {\"button\": 5, \"statusLed\": 6, \"presenceSensor\": 13}}"));
        byte[] saved = Files.readAllBytes(store.file());

        catchThrowableOfType(() -> store.update(parse("{\"gpio\": {\"button\": 6}}")), InvalidSettingsException.class);
        assertThat(Files.readAllBytes(store.file())).isEqualTo(saved);
        assertThat(SettingsStore.open(data).current().gpio()).isEqualTo(new GpioSettings(true, 5, 6, 13));
    }

    @Test
    void aFileFromBeforePinsWereSettingsGetsTheDefaultPins() throws Exception {
        Files.writeString(data.resolve(SettingsStore.FILE_NAME), "{\"volumeCap\": 0.5}");
        SettingsStore store = SettingsStore.open(data);
        assertThat(store.loadProblem()).isEmpty();
        assertThat(store.current().gpio()).isEqualTo(GpioSettings.defaults());
    }
}
