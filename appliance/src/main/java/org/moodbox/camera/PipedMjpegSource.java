package org.moodbox.camera;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
 */
public final class PipedMjpegSource implements FrameSource {
    private final List<String> command;
    private final String description;
    private final OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
    private Process process;
    private FFmpegFrameGrabber grabber;
    private Thread stderrReader;
    private volatile String lastError = "";

    public PipedMjpegSource(List<String> command, String description) {
        this.command = List.copyOf(command);
        this.description = description;
    }

    @Override
    public Mat grab() throws CameraException {
        try {
            if (process == null) {
                start();
            }
            Frame frame = grabber.grabImage();
            if (frame == null) {
                throw new CameraException(description + " stopped sending frames" + exitReason());
            }
            return converter.convert(frame);
        } catch (FrameGrabber.Exception e) {
            throw new CameraException(description + " sent no readable MJPEG (" + e.getMessage() + ")" + exitReason(), e);
        }
    }

    private void start() throws CameraException, FrameGrabber.Exception {
        try {
            process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
        } catch (IOException e) {
            throw new CameraException("cannot start '" + command.get(0) + "' for " + description + ": " + e.getMessage()
                    + (command.get(0).equals(CsiCommand.PROGRAM) ? " (install rpicam-apps; Raspberry Pi OS has it)" : ""), e);
        }
        stderrReader = new Thread(this::drainStderr, "camera-stderr");
        stderrReader.setDaemon(true);
        stderrReader.start();
        grabber = new FFmpegFrameGrabber(process.getInputStream(), 0);
        grabber.setFormat("mjpeg");
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
