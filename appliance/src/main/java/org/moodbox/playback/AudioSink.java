package org.moodbox.playback;

/**
 * Where decoded PCM goes: the sound card, or a null sink that only keeps time. Writes block for about as
 * long as the audio lasts, as a sound card does, so positions and end-of-track mean the same on both.
 */
public interface AudioSink extends AutoCloseable {
    /** Writes 16-bit little-endian interleaved PCM in the format the sink was opened with. */
    void write(byte[] pcm, int length);

    /** Stops consuming (keeps what is buffered) until {@link #resume()}. */
    void pause();

    void resume();

    /** Drops whatever is buffered and not yet heard. */
    void flush();

    /** Waits until everything written has been heard. */
    void drain();

    /** For the state shown to people, e.g. "sound card: default" or "null sink (no sound device)". */
    String description();

    @Override
    void close();
}
