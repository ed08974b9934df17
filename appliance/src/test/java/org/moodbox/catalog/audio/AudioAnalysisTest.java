package org.moodbox.catalog.audio;

import org.moodbox.catalog.TestAudio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Decodes real encoded files (written by FFmpeg in the test) and checks the features order them sensibly. */
class AudioAnalysisTest {
    @TempDir
    Path dir;

    private final AudioDecoder decoder = new AudioDecoder(60);
    private final AudioAnalyzer analyzer = new AudioAnalyzer();
    private final MoodFeatureModel model = new MoodFeatureModel();

    private AudioDescriptors describe(String name, float[] signal) throws Exception {
        DecodedAudio audio = decoder.decode(TestAudio.write(dir.resolve(name), signal, Map.of()));
        return analyzer.analyse(audio.samples(), audio.sampleRate());
    }

    @Test
    void loudFastClicksHaveMoreEnergyThanAQuietSlowSine() throws Exception {
        AudioDescriptors clicks = describe("clicks.wav", TestAudio.clicks(8, 180, 0.9));
        AudioDescriptors sine = describe("sine.wav", TestAudio.tones(8, 0.03, 220));
        assertThat(clicks.rmsDb()).isGreaterThan(sine.rmsDb() + 6);
        assertThat(clicks.onsetsPerSecond()).isGreaterThan(2).isGreaterThan(sine.onsetsPerSecond() + 2);
        assertThat(clicks.centroidHz()).isGreaterThan(sine.centroidHz());
        assertThat(model.features(clicks).energy()).isGreaterThan(model.features(sine).energy() + 0.3);
    }

    @Test
    void findsTheTempoOfAClickTrack() throws Exception {
        AudioDescriptors clicks = describe("clicks120.flac", TestAudio.clicks(12, 120, 0.8));
        assertThat(clicks.tempoBpm()).isNotNull();
        assertThat(clicks.tempoBpm()).isCloseTo(120, within(3.0));
        assertThat(clicks.onsetsPerSecond()).isCloseTo(2.0, within(0.3));
    }

    @Test
    void tellsAMajorChordFromAMinorChord() throws Exception {
        // C major (C4 E4 G4 C5) and A minor (A3 C4 E4 A4), equal-tempered.
        AudioDescriptors major = describe("cmajor.wav", TestAudio.tones(6, 0.1, 261.63, 329.63, 392.00, 523.25));
        AudioDescriptors minor = describe("aminor.wav", TestAudio.tones(6, 0.1, 220.00, 261.63, 329.63, 440.00));
        assertThat(major.mode()).isEqualTo(1);
        assertThat(major.key()).isEqualTo(0);
        assertThat(minor.mode()).isEqualTo(0);
        assertThat(minor.key()).isEqualTo(9);
        assertThat(model.features(major).valence()).isGreaterThan(model.features(minor).valence());
    }
}
