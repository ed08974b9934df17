package org.moodbox.camera;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Frames through FFmpeg: a V4L2 device (USB camera), a video file (looped, for demo and tests) or
 * any FFmpeg input such as a lavfi test source or an MJPEG pipe from rpicam-vid (CSI cameras).
 */
public final class GrabberFrameSource implements FrameSource {
    private final CameraSpec spec;
    private final FFmpegFrameGrabber grabber;
    private final OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
    private boolean started;
    private long fileCheckedAt = System.nanoTime();

    public GrabberFrameSource(CameraSpec spec) {
        this.spec = spec;
        this.grabber = new FFmpegFrameGrabber(spec.input());
        if (spec.format() != null) {
            grabber.setFormat(spec.format());
        }
        if (spec.width() > 0 && spec.height() > 0) {
            grabber.setImageWidth(spec.width());
            grabber.setImageHeight(spec.height());
        }
        if (spec.fps() > 0 && spec.kind() == CameraSpec.Kind.V4L2) {
            grabber.setFrameRate(spec.fps());
        }
    }

    @Override
    public Mat grab() throws CameraException {
        checkFileStillThere();
        try {
            if (!started) {
                grabber.start();
                started = true;
            }
            Frame frame = grabber.grabImage();
            if (frame == null && spec.loops()) {
                // End of a demo or test video: start again from the top.
                grabber.setTimestamp(0);
                frame = grabber.grabImage();
            }
            if (frame == null) {
                throw new CameraException(describe() + " delivered no frame");
            }
            return converter.convert(frame);
        } catch (FrameGrabber.Exception e) {
            throw new CameraException(describe() + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * A deleted video file would play on from the open handle and show as "running"; once a second its path
     * is checked, and a file that is gone ends this source (the vision loop then says "no camera").
     */
    private void checkFileStillThere() throws CameraException {
        if (spec.kind() != CameraSpec.Kind.VIDEO_FILE) {
            return;
        }
        long now = System.nanoTime();
        if (started && now - fileCheckedAt < 1_000_000_000L) {
            return;
        }
        fileCheckedAt = now;
        if (!java.nio.file.Files.isRegularFile(java.nio.file.Path.of(spec.input()))) {
            throw new CameraException(describe() + " is gone (deleted or moved)", true);
        }
    }

    @Override
    public String describe() {
        return spec.describe();
    }

    @Override
    public void close() {
        try {
            grabber.close();
        } catch (FrameGrabber.Exception e) {
            // Closing a vanished device can fail; nothing is left to release.
        }
        converter.close();
    }
}
