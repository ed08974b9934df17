package org.moodbox.camera;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Frames from a program that writes an MJPEG stream to its standard output, decoded by FFmpeg from the
 * pipe: how a CSI camera is read through libcamera ({@code rpicam-vid --codec mjpeg -o -}). The program
 * is started on the first grab and stopped on close; when it exits (camera missing, cable pulled) the
 * next grab says why, with the program's last words on stderr, and the vision loop reopens it later.
 * The frames only pass through memory.
 *
 * <p>Every grab has a deadline: a program that hangs (a wedged driver, a camera that stops mid-stream without
 * exiting) would otherwise block FFmpeg's read of the pipe, and the vision loop with it, for good. At the
 * deadline the program is killed, which ends the read, and the grab fails with a camera error that says so;
 * the vision loop then reconnects as for any lost camera.
 */
public final class PipedMjpegSource implements FrameSource {
    /** rpicam-vid needs a second or two to start the camera; after that a frame comes every 1/fps seconds. */
    public static final Duration FIRST_FRAME_DEADLINE = Duration.ofSeconds(10);
    public static final Duration FRAME_DEADLINE = Duration.ofSeconds(5);
    /** One daemon thread for every source's deadlines: it only ever kills a program, which takes no time. */
    private static final ScheduledThreadPoolExecutor DEADLINES = deadlineTimer();

    private final List<String> command;
    private final String description;
    private final OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
    private volatile Process process;
    private FFmpegFrameGrabber grabber;
    private Thread stderrReader;
    private volatile String lastError = "";
    private final Duration firstFrameDeadline;
    private final Duration frameDeadline;
    /** Set by the deadline timer when it killed the program: the grab's failure is then "hung", not "exited". */
    private volatile boolean timedOut;
    /**
     * Whether this grab's alarm has rung. On a busy machine it can ring while the program is still being started,
     * before there is a process to kill; the start then kills it itself. Otherwise FFmpeg's probe of a silent pipe
     * would block for as long as the program lives, holding JavaCV's lock on FFmpeg, and every other FFmpeg user
     * of the process (the music player, a second camera) with it. Guarded by {@code this}.
     */
    private boolean alarmRang;

    public PipedMjpegSource(List<String> command, String description) {
        this(command, description, FIRST_FRAME_DEADLINE, FRAME_DEADLINE);
    }

    /** @param firstFrameDeadline for the grab that starts the program; frameDeadline for every later one */
    public PipedMjpegSource(List<String> command, String description, Duration firstFrameDeadline,
                            Duration frameDeadline) {
        this.command = List.copyOf(command);
        this.description = description;
        this.firstFrameDeadline = firstFrameDeadline;
        this.frameDeadline = frameDeadline;
    }

    @Override
    public Mat grab() throws CameraException {
        if (timedOut) {
            throw hung(frameDeadline);
        }
        Duration deadline = process == null ? firstFrameDeadline : frameDeadline;
        synchronized (this) {
            alarmRang = false;
        }
        ScheduledFuture<?> alarm = DEADLINES.schedule(this::killHungProgram, deadline.toNanos(), TimeUnit.NANOSECONDS);
        try {
            if (process == null) {
                start();
            }
            Frame frame = grabber.grabImage();
            if (timedOut) {
                throw hung(deadline);
            }
            if (frame == null) {
                throw new CameraException(description + " stopped sending frames" + exitReason());
            }
            return converter.convert(frame);
        } catch (FrameGrabber.Exception e) {
            if (timedOut) {
                throw hung(deadline);
            }
            throw new CameraException(description + " sent no readable MJPEG (" + e.getMessage() + ")" + exitReason(), e);
        } finally {
            alarm.cancel(false);
        }
    }

    /** Runs on the timer: the read that is blocked on the pipe ends once the program is gone. */
    private synchronized void killHungProgram() {
        alarmRang = true;
        Process hung = process;
        if (hung != null && hung.isAlive()) {
            timedOut = true;
            kill(hung);
        }
    }

    private static void kill(Process program) {
        // A wrapper script's child holds the pipe open too: it goes first.
        program.descendants().forEach(ProcessHandle::destroyForcibly);
        program.destroyForcibly();
    }

    private CameraException hung(Duration deadline) {
        return new CameraException(description + " sent no frame within " + deadline.toMillis() + " ms, so '"
                + command.get(0) + "' was stopped" + (lastError.isEmpty() ? "" : " (its last words: " + lastError + ")"));
    }

    private static ScheduledThreadPoolExecutor deadlineTimer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "camera-deadline");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true); // thirty cancelled alarms a second must not pile up
        return timer;
    }

    private void start() throws CameraException, FrameGrabber.Exception {
        Process started;
        try {
            started = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
        } catch (IOException e) {
            throw new CameraException("cannot start '" + command.get(0) + "' for " + description + ": " + e.getMessage()
                    + (command.get(0).equals(CsiCommand.PROGRAM) ? " (install rpicam-apps; Raspberry Pi OS has it)" : ""), e);
        }
        synchronized (this) {
            process = started;
            if (alarmRang) { // the deadline passed while the program was starting
                timedOut = true;
                kill(started);
            }
        }
        stderrReader = new Thread(this::drainStderr, "camera-stderr");
        stderrReader.setDaemon(true);
        stderrReader.start();
        grabber = new FFmpegFrameGrabber(process.getInputStream(), 0);
        grabber.setFormat("mjpeg");
        // FFmpeg would otherwise read up to 5 MB (a hundred frames, seconds of a camera) to guess what the
        // format already says; the first frame's header is enough for MJPEG.
        grabber.setOption("probesize", "32768");
        grabber.setOption("analyzeduration", "0");
        grabber.start();
    }

    /** Keeps only the last line the program wrote to stderr: the reason a camera program gives up. */
    private void drainStderr() {
        try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = err.readLine()) != null) {
                if (!line.isBlank()) {
                    lastError = line.strip();
                }
            }
        } catch (IOException ignored) {
            // the program ended or was stopped
        }
    }

    private String exitReason() {
        try {
            if (process != null && process.waitFor(500, TimeUnit.MILLISECONDS)) {
                stderrReader.join(500); // its last line may still be in the pipe
                return " (" + command.get(0) + " exited with " + process.exitValue()
                        + (lastError.isEmpty() ? "" : ": " + lastError) + ")";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return lastError.isEmpty() ? "" : " (" + lastError + ")";
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        if (grabber != null) {
            try {
                grabber.close();
            } catch (FrameGrabber.Exception ignored) {
                // the pipe may already be gone
            }
        }
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(2, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        converter.close();
    }
}
