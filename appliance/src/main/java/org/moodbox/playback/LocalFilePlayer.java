package org.moodbox.playback;

import java.net.URI;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.sound.sampled.AudioFormat;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.moodbox.model.Track;
import org.moodbox.playback.PlaybackState.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays local files (file: URIs): FFmpeg decodes to 16-bit stereo 44.1 kHz on a worker thread, volume is
 * applied to the samples, and an {@link AudioSink} makes it audible. One track at a time; play() replaces.
 * Nothing escapes to the caller: a broken file becomes a log line and a state with an error.
 */
public final class LocalFilePlayer implements Player {
    static final int RATE = 44_100;
    static final int CHANNELS = 2;
    static final AudioFormat FORMAT = new AudioFormat(RATE, 16, CHANNELS, true, false);
    private static final Logger log = LoggerFactory.getLogger(LocalFilePlayer.class);

    static {
        // FFmpeg's console chatter about a broken file would duplicate our own single log line.
        org.bytedeco.ffmpeg.global.avutil.av_log_set_level(org.bytedeco.ffmpeg.global.avutil.AV_LOG_QUIET);
    }

    private volatile double volumeCap;
    private final AudioOutput output;
    private final List<Consumer<PlaybackState>> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();

    private Session session;
    private PlaybackState state;
    private volatile double volume;

    /**
     * @param volumeCap the owner's maximum, 0..1: no listener can turn it up further ({@link #setVolumeCap} changes it)
     * @param output    where audio goes, usually {@link AudioOutput#soundCardOrNullSink()}
     */
    public LocalFilePlayer(double volumeCap, AudioOutput output) {
        this.volumeCap = Math.max(0, Math.min(1, volumeCap));
        this.output = output;
        this.volume = Math.min(0.7, this.volumeCap);
        this.state = new PlaybackState(null, Status.STOPPED, 0, volume, "none yet", null);
    }

    @Override
    public void play(Track track) {
        synchronized (lock) {
            if (session != null) {
                session.cancel();
            }
            session = new Session(track);
            setState(new PlaybackState(track, Status.PLAYING, 0, volume, state.output(), null));
            session.start();
        }
    }

    @Override
    public void pause() {
        synchronized (lock) {
            if (session != null && state.status() == Status.PLAYING) {
                session.setPaused(true);
                setState(copy(Status.PAUSED, session.positionSeconds(), state.error()));
            }
        }
    }

    @Override
    public void resume() {
        synchronized (lock) {
            if (session != null && state.status() == Status.PAUSED) {
                session.setPaused(false);
                setState(copy(Status.PLAYING, session.positionSeconds(), state.error()));
            }
        }
    }

    @Override
    public void stop() {
        synchronized (lock) {
            if (session != null) {
                session.cancel();
                double position = session.positionSeconds();
                session = null;
                setState(copy(Status.STOPPED, position, null));
            }
        }
    }

    @Override
    public void setVolume(double requested) {
        synchronized (lock) {
            volume = Math.max(0, Math.min(volumeCap, requested));
            setState(new PlaybackState(state.track(), state.status(), livePosition(), volume, state.output(),
                    state.error()));
        }
    }

    @Override
    public void setVolumeCap(double cap) {
        synchronized (lock) {
            volumeCap = Math.max(0, Math.min(1, cap));
            if (volume > volumeCap) {
                // The decode loop reads the volume per buffer, so the lower level is heard within ~20 ms.
                setVolume(volume);
            }
        }
    }

    @Override
    public double volumeCap() {
        return volumeCap;
    }

    @Override
    public PlaybackState state() {
        synchronized (lock) {
            return new PlaybackState(state.track(), state.status(), livePosition(), state.volume(), state.output(),
                    state.error());
        }
    }

    @Override
    public void subscribe(Consumer<PlaybackState> listener) {
        listeners.add(listener);
    }

    @Override
    public void close() {
        stop();
        listeners.clear();
    }

    private double livePosition() {
        return session != null && state.status() != Status.STOPPED ? session.positionSeconds() : state.positionSeconds();
    }

    private PlaybackState copy(Status status, double position, String error) {
        return new PlaybackState(state.track(), status, position, volume, state.output(), error);
    }

    /** Called with the lock held. */
    private void setState(PlaybackState next) {
        state = next;
        for (Consumer<PlaybackState> listener : listeners) {
            try {
                listener.accept(next);
            } catch (RuntimeException e) {
                log.warn("a playback listener failed: {}", e.toString());
            }
        }
    }

    /** Reports from the worker, ignored when the session has been replaced or stopped meanwhile. */
    private void workerUpdate(Session from, Status status, String output, String error) {
        synchronized (lock) {
            if (session != from) {
                return;
            }
            if (status == Status.STOPPED) {
                session = null;
            }
            if (status == Status.PLAYING && state.status() == Status.PAUSED) {
                // "Sound is open" arrived after the listener paused: report the output, keep the pause.
                status = Status.PAUSED;
            }
            setState(new PlaybackState(state.track(), status, from.positionSeconds(), volume,
                    output != null ? output : state.output(), error));
        }
    }

    /** One track's decode-and-write loop on its own thread. */
    private final class Session implements Runnable {
        private final Track track;
        private final Thread thread;
        private volatile boolean cancelled;
        private volatile boolean paused;
        private volatile long framesWritten;

        Session(Track track) {
            this.track = track;
            this.thread = new Thread(this, "playback");
            thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        void cancel() {
            cancelled = true;
            synchronized (this) {
                notifyAll();
            }
        }

        void setPaused(boolean paused) {
            synchronized (this) {
                this.paused = paused;
                notifyAll();
            }
        }

        double positionSeconds() {
            return framesWritten / (double) RATE;
        }

        @Override
        public void run() {
            Path file;
            try {
                file = localFile(track);
            } catch (IllegalArgumentException e) {
                fail(e.getMessage(), null);
                return;
            }
            AudioSink sink = null;
            try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
                grabber.setSampleMode(FrameGrabber.SampleMode.SHORT);
                grabber.setSampleRate(RATE);
                grabber.setAudioChannels(CHANNELS);
                grabber.start();
                if (grabber.getAudioChannels() <= 0) {
                    fail("cannot play " + file + ": it has no audio", null);
                    return;
                }
                sink = output.open(FORMAT);
                workerUpdate(this, Status.PLAYING, sink.description(), null);
                byte[] bytes = new byte[0];
                Frame frame;
                while (!cancelled && (frame = grabber.grabSamples()) != null) {
                    if (frame.samples == null || frame.samples.length == 0) {
                        continue;
                    }
                    ShortBuffer samples = (ShortBuffer) frame.samples[0];
                    int n = samples.remaining();
                    if (bytes.length < n * 2) {
                        bytes = new byte[n * 2];
                    }
                    toBytes(samples, n, volume, bytes);
                    waitWhilePaused(sink);
                    if (cancelled) {
                        break;
                    }
                    sink.write(bytes, n * 2);
                    framesWritten += n / CHANNELS;
                }
                if (cancelled) {
                    sink.flush();
                    return;
                }
                sink.drain();
                workerUpdate(this, Status.STOPPED, null, null);
            } catch (FrameGrabber.Exception | RuntimeException e) {
                fail("cannot play " + file + ": " + e.getMessage(), e);
            } finally {
                if (sink != null) {
                    sink.close();
                }
            }
        }

        private void waitWhilePaused(AudioSink sink) {
            if (!paused) {
                return;
            }
            sink.pause();
            synchronized (this) {
                while (paused && !cancelled) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        cancelled = true;
                    }
                }
            }
            sink.resume();
        }

        private void fail(String message, Exception e) {
            log.warn(message);
            if (e != null) {
                log.debug("playback failure", e);
            }
            workerUpdate(this, Status.STOPPED, null, message);
        }
    }

    static Path localFile(Track track) {
        String uri = track.uri();
        if (uri == null || !uri.startsWith("file:")) {
            throw new IllegalArgumentException("cannot play " + uri + ": the local player plays file: URIs only");
        }
        Path file = Path.of(URI.create(uri));
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("cannot play " + file + ": file not found or not readable");
        }
        return file;
    }

    /** Scales by the volume (linear gain) and packs as little-endian 16-bit. */
    static void toBytes(ShortBuffer samples, int n, double gain, byte[] out) {
        int base = samples.position();
        for (int i = 0; i < n; i++) {
            int s = (int) Math.round(samples.get(base + i) * gain);
            s = Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, s));
            out[2 * i] = (byte) s;
            out[2 * i + 1] = (byte) (s >> 8);
        }
    }
}
