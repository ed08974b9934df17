package org.moodbox.catalog.audio;

import org.moodbox.catalog.Artwork;
import org.moodbox.catalog.ImageTypes;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Reads tags, length and cover art of an audio file and decodes a window of it to mono floats at a low
 * sample rate, all with one FFmpeg grabber. FFmpeg resamples for us (swresample), so a 44.1 kHz stereo file
 * costs little more than its Vorbis/MP3 decode.
 *
 * <p>Why a window: the catalog must scan a library far faster than real time on a Pi, and a minute of a track,
 * taken as three stretches spread over it, describes it well enough (on the Debian demo music, 60 s windows
 * against whole tracks: see the issue notes). Tracks shorter than 1.5 windows are read whole.
 */
public final class AudioDecoder {
    /** 11025 Hz keeps everything up to 5.5 kHz: enough for loudness, onsets, brightness and pitch classes. */
    public static final int ANALYSIS_RATE = 11025;

    static {
        // FFmpeg's own console messages would tear the progress line; we report every failure ourselves.
        avutil.av_log_set_level(avutil.AV_LOG_QUIET);
    }

    private static final int SEGMENTS = 3;

    private final double windowSeconds;

    /** @param windowSeconds how much audio to analyse at most (the whole file when it is shorter) */
    public AudioDecoder(double windowSeconds) {
        this.windowSeconds = windowSeconds;
    }

    /** Decodes the file; throws {@link AudioFileException} with a readable reason when it cannot. */
    public DecodedAudio decode(Path file) {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.setSampleMode(FrameGrabber.SampleMode.FLOAT);
            grabber.setAudioChannels(1);
            grabber.setSampleRate(ANALYSIS_RATE);
            try {
                grabber.start();
            } catch (FrameGrabber.Exception e) {
                // FFmpeg's own message is a developer hint ("Has setFormat() been called?"); the person needs the file.
                throw new AudioFileException(file + ": not a readable audio file", e);
            }
            if (grabber.getAudioChannels() <= 0) {
                throw new AudioFileException(file + ": has no audio stream");
            }
            Map<String, String> tags = new TreeMap<>();
            putLowerCase(tags, grabber.getMetadata());
            putLowerCase(tags, grabber.getAudioMetadata());
            Artwork artwork = attachedPicture(grabber.getFormatContext());
            double containerSeconds = grabber.getLengthInTime() / 1e6;

            float[] samples;
            if (containerSeconds > windowSeconds * 1.5) {
                samples = readSpreadSegments(grabber, containerSeconds);
            } else {
                samples = readSamples(grabber, (int) (windowSeconds * ANALYSIS_RATE), new float[0], 0);
            }
            if (samples.length == 0) {
                throw new AudioFileException(file + ": no audio could be decoded");
            }
            double duration = containerSeconds > 0 ? containerSeconds : samples.length / (double) ANALYSIS_RATE;
            return new DecodedAudio(tags, duration, artwork, samples, ANALYSIS_RATE);
        } catch (FrameGrabber.Exception e) {
            throw new AudioFileException(file + ": decoding failed (" + e.getMessage() + ")", e);
        } catch (RuntimeException e) {
            if (e instanceof AudioFileException afe) {
                throw afe;
            }
            throw new AudioFileException(file + ": decoding failed (" + e + ")", e);
        }
    }

    /**
     * Reads {@link #SEGMENTS} stretches centred at 1/6, 1/2 and 5/6 of the track, so a quiet intro or a
     * loud finale does not stand for the whole piece.
     */
    private float[] readSpreadSegments(FFmpegFrameGrabber grabber, double durationSeconds)
            throws FrameGrabber.Exception {
        double segmentSeconds = windowSeconds / SEGMENTS;
        float[] out = new float[(int) (windowSeconds * ANALYSIS_RATE)];
        int n = 0;
        for (int i = 0; i < SEGMENTS; i++) {
            double start = durationSeconds * (i + 0.5) / SEGMENTS - segmentSeconds / 2;
            grabber.setAudioTimestamp((long) (Math.max(0, start) * 1e6));
            int before = n;
            float[] grown = readSamples(grabber, n + (int) (segmentSeconds * ANALYSIS_RATE), out, n);
            n = grown.length;
            out = java.util.Arrays.copyOf(grown, Math.max(grown.length, out.length));
            if (n == before) {
                break; // nothing more decodes past this point
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** Appends decoded samples to {@code out[0..n)} until {@code max} samples in all; returns the filled array. */
    private static float[] readSamples(FFmpegFrameGrabber grabber, int max, float[] out, int n)
            throws FrameGrabber.Exception {
        if (out.length < Math.min(max, n + ANALYSIS_RATE * 30)) {
            out = java.util.Arrays.copyOf(out, Math.min(max, n + ANALYSIS_RATE * 30));
        }
        Frame frame;
        while (n < max) {
            try {
                frame = grabber.grabSamples();
            } catch (FrameGrabber.Exception e) {
                // A damaged tail: keep what decoded so far when there is enough to describe the track.
                if (n >= ANALYSIS_RATE * 2) {
                    break;
                }
                throw e;
            }
            if (frame == null) {
                break;
            }
            if (frame.samples == null || frame.samples.length == 0) {
                continue;
            }
            FloatBuffer buffer = (FloatBuffer) frame.samples[0];
            int count = Math.min(buffer.remaining(), max - n);
            if (n + count > out.length) {
                out = java.util.Arrays.copyOf(out, Math.min(max, Math.max(out.length * 2, n + count)));
            }
            buffer.get(out, n, count);
            n += count;
        }
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }

    private static void putLowerCase(Map<String, String> into, Map<String, String> tags) {
        if (tags == null) {
            return;
        }
        tags.forEach((k, v) -> {
            if (k != null && v != null) {
                into.putIfAbsent(k.toLowerCase(Locale.ROOT), v);
            }
        });
    }

    /** FFmpeg exposes cover art (ID3 APIC, MP4 covr, FLAC/Vorbis pictures) as an "attached picture" stream. */
    private static Artwork attachedPicture(AVFormatContext format) {
        if (format == null) {
            return null;
        }
        for (int i = 0; i < format.nb_streams(); i++) {
            AVStream stream = format.streams(i);
            if ((stream.disposition() & avformat.AV_DISPOSITION_ATTACHED_PIC) == 0) {
                continue;
            }
            AVPacket packet = stream.attached_pic();
            if (packet == null || packet.size() <= 0 || packet.data() == null) {
                continue;
            }
            byte[] bytes = new byte[packet.size()];
            packet.data().get(bytes);
            String mime = ImageTypes.sniff(bytes);
            if (mime != null) {
                return new Artwork(bytes, mime);
            }
        }
        return null;
    }
}
