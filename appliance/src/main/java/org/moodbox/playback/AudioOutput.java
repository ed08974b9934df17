package org.moodbox.playback;

import java.util.concurrent.atomic.AtomicBoolean;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.LineUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens a sink for each track. The appliance uses the sound card when there is one. */
@FunctionalInterface
public interface AudioOutput {
    AudioSink open(AudioFormat format);

    /** Always the null sink: tests, and boxes configured to stay silent. */
    static AudioOutput nullSink() {
        return NullSink::new;
    }

    /**
     * The sound card, or the null sink when there is none (no mixer, line busy, headless box). Says so in
     * one log line the first time, not on every track.
     */
    static AudioOutput soundCardOrNullSink() {
        return orNullSink(SoundCardSink::new);
    }

    /** What opens a real output's line, and throws as Java Sound does when there is none. */
    @FunctionalInterface
    interface Line {
        AudioSink open(AudioFormat format) throws LineUnavailableException;
    }

    /** This line, or the null sink when it cannot be opened; the fallback of {@link #soundCardOrNullSink()}. */
    static AudioOutput orNullSink(Line line) {
        Logger log = LoggerFactory.getLogger(AudioOutput.class);
        AtomicBoolean told = new AtomicBoolean();
        return format -> {
            try {
                return line.open(format);
            } catch (LineUnavailableException | IllegalArgumentException | SecurityException
                     | UnsupportedOperationException e) { // HeadlessException is one of these
                if (!told.getAndSet(true)) {
                    log.warn("no sound device: playing to a null sink ({})", e.getMessage());
                }
                return new NullSink(format);
            }
        };
    }
}
