package org.moodbox.playback;

import org.moodbox.model.SourceKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.LineUnavailableException;
import org.moodbox.catalog.TestAudio;
import org.moodbox.model.Track;
import org.moodbox.playback.PlaybackState.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFilePlayerTest {
    @TempDir
    Path dir;

    private final List<PlaybackState> events = new CopyOnWriteArrayList<>();

    private Track track(Path file) {
        return new Track(1, SourceKind.LOCAL, file.toUri().toString(), file.getFileName().toString(), "Tester", null, null,
                null, 1, false, null, null);
    }

    private Path tone(String name, double seconds) throws Exception {
        return TestAudio.write(dir.resolve(name), TestAudio.tones(seconds, 0.5, 440), Map.of());
    }

    private PlaybackState awaitStopped(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (System.nanoTime() < deadline) {
            for (PlaybackState s : events) {
                if (s.status() == Status.STOPPED) {
                    return s;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no STOPPED state within " + timeoutMillis + " ms; events: " + events);
    }

    /** Waits (for the event, not a time) until the player has played this far into the file. */
    private static void awaitPosition(LocalFilePlayer player, double seconds) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> player.state().positionSeconds() >= seconds);
    }

    @Test
    void playsAOneSecondFileToTheEndInRealTime() throws Exception {
        Path file = tone("one-second.wav", 1.0);
        try (LocalFilePlayer player = new LocalFilePlayer(1.0, AudioOutput.nullSink())) {
            player.subscribe(events::add);
            long start = System.nanoTime();
            player.play(track(file));
            assertThat(player.state().status()).isEqualTo(Status.PLAYING);
            PlaybackState end = awaitStopped(5000);
            double elapsed = (System.nanoTime() - start) / 1e9;

            assertThat(end.error()).isNull();
            assertThat(end.positionSeconds()).isCloseTo(1.0, org.assertj.core.api.Assertions.within(0.05));
            assertThat(end.track().uri()).isEqualTo(file.toUri().toString());
            // Never faster than real time; how much slower a busy machine makes it is the benchmark's business.
            assertThat(elapsed).as("the null sink keeps real time").isGreaterThan(0.85);
            assertThat(events).anySatisfy(s -> assertThat(s.output()).isEqualTo("null sink (no sound device)"));
            assertThat(events.get(0).status()).isEqualTo(Status.PLAYING);
        }
    }

    @Test
    void pausesAndResumes() throws Exception {
        Path file = tone("two-seconds.flac", 2.0);
        RecordingSink.Output output = new RecordingSink.Output();
        try (LocalFilePlayer player = new LocalFilePlayer(1.0, output)) {
            player.subscribe(events::add);
            long start = System.nanoTime();
            player.play(track(file));
            awaitPosition(player, 0.2);
            player.pause();
            assertThat(player.state().status()).isEqualTo(Status.PAUSED);
            output.await("pause", 1); // the decoder has parked: from here on it writes nothing until resumed
            double held = player.state().positionSeconds();
            assertThat(held).as("paused mid-file").isGreaterThanOrEqualTo(0.2).isLessThan(2.0);
            player.resume();
            assertThat(player.state().status()).isEqualTo(Status.PLAYING);
            PlaybackState end = awaitStopped(6000);
            double elapsed = (System.nanoTime() - start) / 1e9;
            assertThat(end.error()).isNull();
            assertThat(output.between("pause", "resume")).as("nothing written while paused").isEmpty();
            assertThat(output.between("resume", "drain")).as("the rest of the file after the resume").contains("write");
            assertThat(end.positionSeconds()).as("nothing skipped").isCloseTo(2.0, within(0.05));
            assertThat(elapsed).as("never faster than the audio").isGreaterThan(1.85);
            assertThat(events).extracting(PlaybackState::status)
                    .containsSubsequence(Status.PLAYING, Status.PAUSED, Status.PLAYING, Status.STOPPED);
        }
    }

    @Test
    void stopEndsPlaybackAtOnce() throws Exception {
        Path file = tone("long.wav", 5.0);
        RecordingSink.Output output = new RecordingSink.Output();
        try (LocalFilePlayer player = new LocalFilePlayer(1.0, output)) {
            player.subscribe(events::add);
            player.play(track(file));
            awaitPosition(player, 0.1);
            player.stop();
            PlaybackState stopped = player.state();
            assertThat(stopped.status()).as("stopped when stop() returns").isEqualTo(Status.STOPPED);
            assertThat(stopped.positionSeconds()).as("well before the end of the 5 s file").isLessThan(4.0);
            // The decoder's last act is closing its sink: whatever it was going to say, it has said by then.
            output.await("close", 1);
            assertThat(output.calls).as("cut off, not played out").contains("flush").doesNotContain("drain");
            assertThat(events.get(events.size() - 1).status()).isEqualTo(Status.STOPPED);
            assertThat(events).filteredOn(s -> s.status() == Status.STOPPED).hasSize(1);
        }
    }

    @Test
    void aBrokenFileBecomesAnErrorStateNotAnException() throws Exception {
        Path broken = Files.write(dir.resolve("broken.mp3"), "garbage, not audio ".repeat(100).getBytes());
        try (LocalFilePlayer player = new LocalFilePlayer(1.0, AudioOutput.nullSink())) {
            player.subscribe(events::add);
            player.play(track(broken));
            PlaybackState end = awaitStopped(3000);
            assertThat(end.error()).contains("cannot play").contains("broken.mp3");
            assertThat(player.state().error()).isEqualTo(end.error());

            events.clear();
            player.play(track(dir.resolve("missing.ogg")));
            assertThat(awaitStopped(3000).error()).contains("not found");
        }
    }

    @Test
    void aLowerCapLowersTheVolumeAtOnceAndARaisedOneDoesNotRaiseIt() {
        try (LocalFilePlayer player = new LocalFilePlayer(1.0, AudioOutput.nullSink())) {
            player.setVolume(0.9);
            player.subscribe(events::add);

            player.setVolumeCap(0.4);
            assertThat(player.state().volume()).isEqualTo(0.4);
            assertThat(events).as("the page hears of the lower volume").last()
                    .extracting(PlaybackState::volume).isEqualTo(0.4);

            player.setVolumeCap(0.8);
            assertThat(player.state().volume()).as("a higher cap only allows more").isEqualTo(0.4);
            player.setVolume(1.0);
            assertThat(player.state().volume()).isEqualTo(0.8);
            player.setVolumeCap(7);
            assertThat(player.volumeCap()).as("clamped to 0..1").isEqualTo(1.0);
        }
    }

    @Test
    void volumeIsCappedAndScalesTheSamples() throws Exception {
        Path file = tone("loud.wav", 0.5);
        double full = peakAt(file, 1.0, 1.0);
        double capped = peakAt(file, 0.5, 0.9);
        assertThat(full).as("a 0.5 tone (FFmpeg upmixes mono to stereo at -3 dB)").isBetween(0.3, 0.55);
        assertThat(capped / full).as("0.9 asked, 0.5 allowed by the owner").isCloseTo(0.5,
                org.assertj.core.api.Assertions.within(0.01));
    }

    private double peakAt(Path file, double cap, double requested) throws Exception {
        int[] peak = new int[1];
        try (LocalFilePlayer player = new LocalFilePlayer(cap, format -> new PeakMeter(format, peak))) {
            player.setVolume(requested);
            assertThat(player.state().volume()).isEqualTo(Math.min(cap, requested));
            events.clear();
            player.subscribe(events::add);
            player.play(track(file));
            assertThat(awaitStopped(3000).error()).isNull();
        }
        return peak[0] / 32768.0;
    }

    @Test
    void withoutASoundDeviceTheOutputFallsBackToTheNullSinkOnEveryTrack() {
        // Java Sound's answers on a box without a card: a busy line, no mixer for the line, a headless JVM, a
        // sandbox without audio permission.
        List<Exception> noCard = List.of(new LineUnavailableException("line busy"),
                new IllegalArgumentException("No line matching interface SourceDataLine supporting format "
                        + LocalFilePlayer.FORMAT + " is supported."),
                new UnsupportedOperationException("headless"), new SecurityException("no audio permission"));
        for (Exception missing : noCard) {
            int[] tries = new int[1];
            AudioOutput output = AudioOutput.orNullSink(format -> {
                tries[0]++;
                if (missing instanceof LineUnavailableException busy) {
                    throw busy;
                }
                throw (RuntimeException) missing;
            });
            for (int track = 1; track <= 2; track++) {
                try (AudioSink sink = output.open(LocalFilePlayer.FORMAT)) {
                    assertThat(sink).as(missing.toString()).isInstanceOf(NullSink.class);
                    assertThat(sink.description()).contains("null sink");
                }
            }
            assertThat(tries[0]).as("the card is tried again for each track (it may be plugged in later)").isEqualTo(2);
        }
    }

    @Test
    void aLineThatOpensIsTheOutput() {
        AudioSink card = new PeakMeter(LocalFilePlayer.FORMAT, new int[1]);
        try (AudioSink sink = AudioOutput.orNullSink(format -> card).open(LocalFilePlayer.FORMAT)) {
            assertThat(sink).isSameAs(card);
        }
    }

    /** A null sink that also records the loudest sample it was given. */
    private static final class PeakMeter implements AudioSink {
        private final NullSink clock;
        private final int[] peak;

        PeakMeter(AudioFormat format, int[] peak) {
            this.clock = new NullSink(format);
            this.peak = peak;
        }

        @Override
        public void write(byte[] pcm, int length) {
            for (int i = 0; i + 1 < length; i += 2) {
                int s = (short) ((pcm[i] & 0xff) | (pcm[i + 1] << 8));
                peak[0] = Math.max(peak[0], Math.abs(s));
            }
            clock.write(pcm, length);
        }

        @Override
        public void pause() {
            clock.pause();
        }

        @Override
        public void resume() {
            clock.resume();
        }

        @Override
        public void flush() {
            clock.flush();
        }

        @Override
        public void drain() {
            clock.drain();
        }

        @Override
        public String description() {
            return "peak meter";
        }

        @Override
        public void close() {
            clock.close();
        }
    }
}
