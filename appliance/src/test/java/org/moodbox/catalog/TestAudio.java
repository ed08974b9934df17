package org.moodbox.catalog;

import java.nio.ShortBuffer;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;

/** Real audio files for tests, encoded by FFmpeg from signals made here (no fixtures checked in). */
public final class TestAudio {
    public static final int RATE = 22050;

    private TestAudio() {
    }

    /** Decaying noise bursts (snare-like, 50 ms decay) at {@code bpm}: loud, dense, bright. */
    public static float[] clicks(double seconds, double bpm, double amplitude) {
        float[] x = new float[(int) (seconds * RATE)];
        Random random = new Random(42);
        int period = (int) Math.round(RATE * 60 / bpm);
        int length = (int) (0.15 * RATE);
        for (int start = 0; start < x.length; start += period) {
            for (int i = 0; i < length && start + i < x.length; i++) {
                double envelope = Math.exp(-i / (0.05 * RATE));
                x[start + i] = (float) (amplitude * envelope * (2 * random.nextDouble() - 1));
            }
        }
        return x;
    }

    /** Sum of sines (a chord when several frequencies), each at {@code amplitude}. */
    public static float[] tones(double seconds, double amplitude, double... hz) {
        float[] x = new float[(int) (seconds * RATE)];
        for (int i = 0; i < x.length; i++) {
            double s = 0;
            for (double f : hz) {
                s += Math.sin(2 * Math.PI * f * i / RATE);
            }
            x[i] = (float) (amplitude * s);
        }
        return x;
    }

    /** Writes mono PCM as WAV or FLAC (by the file's extension) with the given tags. */
    public static Path write(Path file, float[] samples, Map<String, String> tags) throws Exception {
        String name = file.getFileName().toString();
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), 1)) {
            if (name.endsWith(".flac")) {
                recorder.setFormat("flac");
                recorder.setAudioCodec(avcodec.AV_CODEC_ID_FLAC);
            } else {
                recorder.setFormat("wav");
                recorder.setAudioCodec(avcodec.AV_CODEC_ID_PCM_S16LE);
            }
            recorder.setSampleRate(RATE);
            recorder.setAudioChannels(1);
            tags.forEach(recorder::setMetadata);
            recorder.start();
            short[] pcm = new short[samples.length];
            for (int i = 0; i < samples.length; i++) {
                pcm[i] = (short) Math.max(-32768, Math.min(32767, Math.round(samples[i] * 32767)));
            }
            int chunk = 4096;
            for (int i = 0; i < pcm.length; i += chunk) {
                recorder.recordSamples(RATE, 1, ShortBuffer.wrap(pcm, i, Math.min(chunk, pcm.length - i)));
            }
            recorder.stop();
        }
        return file;
    }
}
