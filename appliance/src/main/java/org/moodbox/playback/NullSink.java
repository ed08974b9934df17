package org.moodbox.playback;

import javax.sound.sampled.AudioFormat;

/**
 * Swallows audio in real time: a box without a sound device (or a test) still plays tracks with true
 * positions and a true end, just silently.
 */
public final class NullSink implements AudioSink {
    private final double bytesPerSecond;
    private long startNanos = -1;
    private long bytesSinceStart;

    public NullSink(AudioFormat format) {
        this.bytesPerSecond = format.getFrameRate() * format.getFrameSize();
    }

    @Override
    public void write(byte[] pcm, int length) {
        if (startNanos < 0) {
            startNanos = System.nanoTime();
            bytesSinceStart = 0;
        }
        bytesSinceStart += length;
        long dueNanos = startNanos + (long) (bytesSinceStart / bytesPerSecond * 1e9);
        // Stay at most ~50 ms ahead of the clock, like a small sound card buffer.
        long sleepNanos = dueNanos - System.nanoTime() - 50_000_000L;
        if (sleepNanos > 0) {
            try {
                Thread.sleep(sleepNanos / 1_000_000L, (int) (sleepNanos % 1_000_000L));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void pause() {
        startNanos = -1; // the clock restarts on the next write
    }

    @Override
    public void resume() {
        // nothing buffered to restart
    }

    @Override
    public void flush() {
        startNanos = -1;
    }

    @Override
    public void drain() {
        if (startNanos < 0) {
            return;
        }
        long remaining = startNanos + (long) (bytesSinceStart / bytesPerSecond * 1e9) - System.nanoTime();
        if (remaining > 0) {
            try {
                Thread.sleep(remaining / 1_000_000L, (int) (remaining % 1_000_000L));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String description() {
        return "null sink (no sound device)";
    }

    @Override
    public void close() {
        startNanos = -1;
    }
}
