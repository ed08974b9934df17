package org.moodbox.playback;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sound.sampled.AudioFormat;
import org.awaitility.Awaitility;

/**
 * The null sink (real time, silent) that also writes down, in order, what the decoder asked of it: "write",
 * "pause", "resume", "flush", "drain", "close". A test awaits one of these instead of waiting a while: the decoder
 * calls "pause" when it parks and "close" as its very last act, so what happened before them is settled.
 */
final class RecordingSink implements AudioSink {
    private final NullSink clock;
    private final List<String> calls;

    private RecordingSink(AudioFormat format, List<String> calls) {
        this.clock = new NullSink(format);
        this.calls = calls;
    }

    /** An output whose every sink (one per track) writes into this one list. */
    static final class Output implements AudioOutput {
        final List<String> calls = new CopyOnWriteArrayList<>();

        @Override
        public AudioSink open(AudioFormat format) {
            calls.add("open");
            return new RecordingSink(format, calls);
        }

        /** Waits until the sinks have been asked for this call count times in all. */
        void await(String call, int count) {
            Awaitility.await(call + " #" + count).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(5))
                    .until(() -> calls.stream().filter(call::equals).count() >= count);
        }

        /** The calls between the first FROM (excluded) and the first TO after it (excluded). */
        List<String> between(String from, String to) {
            List<String> all = List.copyOf(calls);
            int start = all.indexOf(from);
            int end = all.subList(start + 1, all.size()).indexOf(to);
            return all.subList(start + 1, end < 0 ? all.size() : start + 1 + end);
        }
    }

    @Override
    public void write(byte[] pcm, int length) {
        calls.add("write");
        clock.write(pcm, length);
    }

    @Override
    public void pause() {
        calls.add("pause");
        clock.pause();
    }

    @Override
    public void resume() {
        calls.add("resume");
        clock.resume();
    }

    @Override
    public void flush() {
        calls.add("flush");
        clock.flush();
    }

    @Override
    public void drain() {
        calls.add("drain");
        clock.drain();
    }

    @Override
    public String description() {
        return clock.description();
    }

    @Override
    public void close() {
        calls.add("close");
        clock.close();
    }
}
