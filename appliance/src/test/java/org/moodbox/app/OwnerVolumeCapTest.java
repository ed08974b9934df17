package org.moodbox.app;

import org.moodbox.playback.AudioOutput;
import org.moodbox.playback.LocalFilePlayer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moodbox.settings.Settings;
import org.moodbox.settings.SettingsStore;

/** The owner's saved cap reaches a running player through the real settings store, bounded by the installer. */
class OwnerVolumeCapTest {
    @TempDir
    Path data;

    @Test
    void savingALowerCapLowersTheLivePlayersVolumeAndTheInstallersCeilingWins() {
        SettingsStore settings = SettingsStore.open(data);
        try (LocalFilePlayer player = new LocalFilePlayer(0.9, AudioOutput.nullSink())) {
            OwnerSettings.volumeCap(settings, player, 0.9);
            assertThat(player.volumeCap()).as("default owner cap 0.8 under the 0.9 ceiling").isEqualTo(0.8);
            player.setVolume(0.75);

            settings.save(settings.current().withVolumeCap(0.3));
            assertThat(player.state().volume()).isEqualTo(0.3);

            settings.save(settings.current().withVolumeCap(1.0));
            assertThat(player.volumeCap()).as("the owner cannot pass --volume-cap").isEqualTo(0.9);
            player.setVolume(1.0);
            assertThat(player.state().volume()).isEqualTo(0.9);
        }
    }

    @Test
    void theSavedCapAppliesAtStart() {
        SettingsStore before = SettingsStore.open(data);
        before.save(Settings.defaults().withVolumeCap(0.2));
        try (LocalFilePlayer player = new LocalFilePlayer(1.0, AudioOutput.nullSink())) {
            OwnerSettings.volumeCap(SettingsStore.open(data), player, 1.0);
            assertThat(player.state().volume()).isEqualTo(0.2);
        }
    }
}
