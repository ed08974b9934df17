package org.moodbox.camera;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * The check before the owner's camera choice is saved: only what can really be a camera is accepted, a V4L2
 * device, a CSI camera name, a video or image file that FFmpeg opens as video, or a folder of images.
 * {@code /etc/passwd} and FFmpeg filter graphs ({@code lavfi:}) used to be saved, and the box then showed
 * "no camera". Filter graphs stay available to the command line (the demo and the tests start with them),
 * never to the admin page: a filter graph can also read files.
 */
public final class CameraCheck {
    /** FFmpeg demuxers that turn text into pictures: a text file is not a camera. */
    private static final Set<String> NOT_VIDEO = Set.of("tty", "lavfi", "txt", "ansi");
    private static final int S_IFMT = 0170000;
    private static final int S_IFCHR = 0020000;

    private CameraCheck() {
    }

    /** What is wrong with the camera the owner named, or empty when the box can read frames from it. */
    public static Optional<String> problem(String text) {
        CameraSpec spec;
        try {
            spec = CameraSpec.parse(text, 0, 0, 1);
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        return switch (spec.kind()) {
            case FFMPEG -> Optional.of("FFmpeg filter graphs (lavfi:) are test sources, not a camera; the admin page "
                    + "takes a /dev/video device, csi:, a video file or an image folder");
            case CSI -> Optional.empty();
            case V4L2 -> isCharacterDevice(Path.of(spec.input())) ? Optional.empty()
                    : Optional.of("'" + text + "' is not a video device on this box (is the camera plugged in?)");
            case IMAGE_FOLDER -> imageFolderProblem(Path.of(spec.input()));
            case VIDEO_FILE -> videoFileProblem(spec.input());
        };
    }

    static boolean isCharacterDevice(Path path) {
        try {
            Object mode = Files.getAttribute(path, "unix:mode");
            return mode instanceof Integer m && (m & S_IFMT) == S_IFCHR;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    private static Optional<String> imageFolderProblem(Path folder) {
        try (ImageFolderSource images = new ImageFolderSource(folder)) {
            return Optional.empty();
        } catch (CameraException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Opens the file with FFmpeg and decodes one picture: the only proof that it is a video or an image. */
    private static Optional<String> videoFileProblem(String file) {
        String refusal = "'" + file + "' is not a video or image file FFmpeg can read";
        if (!Files.isReadable(Path.of(file))) {
            return Optional.of("'" + file + "' cannot be read by the Moodbox service (check its permissions)");
        }
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file)) {
            grabber.start();
            String format = grabber.getFormat() == null ? "" : grabber.getFormat();
            for (String name : format.split(",")) {
                if (NOT_VIDEO.contains(name.strip())) {
                    return Optional.of(refusal);
                }
            }
            if (grabber.getVideoStream() < 0 || grabber.getImageWidth() <= 0) {
                return Optional.of(refusal + " (it has no picture)");
            }
            Frame frame = grabber.grabImage();
            return frame == null || frame.image == null ? Optional.of(refusal + " (no picture could be decoded)")
                    : Optional.empty();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            return Optional.of(refusal);
        }
    }
}
