package org.moodbox.playback;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;

/** The default Java Sound output line (ALSA on the Pi). */
public final class SoundCardSink implements AudioSink {
    private final SourceDataLine line;

    /** Opens the default line; fails with LineUnavailableException (or IllegalArgumentException) without one. */
    public SoundCardSink(AudioFormat format) throws LineUnavailableException {
        SourceDataLine l = AudioSystem.getSourceDataLine(format);
        l.open(format, (int) (format.getFrameRate() * format.getFrameSize() / 5)); // 200 ms buffer
        l.start();
        this.line = l;
    }

    @Override
    public void write(byte[] pcm, int length) {
        line.write(pcm, 0, length);
    }

    @Override
    public void pause() {
        line.stop();
    }

    @Override
    public void resume() {
        line.start();
    }

    @Override
    public void flush() {
        line.flush();
    }

    @Override
    public void drain() {
        line.drain();
    }

    @Override
    public String description() {
        return "sound card: " + line.getLineInfo();
    }

    @Override
    public void close() {
        line.close();
    }
}
