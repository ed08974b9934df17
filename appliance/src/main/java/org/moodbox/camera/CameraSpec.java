package org.moodbox.camera;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A camera as the owner names it: {@code /dev/video0} (V4L2), {@code csi:} or {@code csi:1} (a Raspberry Pi
 * CSI camera through libcamera's {@code rpicam-vid}, camera 0 or the given one), a video file, a folder of
 * images, or {@code lavfi:testsrc2=size=640x480:rate=15} (a synthetic FFmpeg source for tests).
 */
public record CameraSpec(Kind kind, String input, String format, int width, int height, double fps)
        implements FrameSourceOpener {
    public enum Kind { V4L2, CSI, VIDEO_FILE, IMAGE_FOLDER, FFMPEG }

    public static CameraSpec parse(String text, int width, int height, double fps) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("no camera given: use a device such as /dev/video0, a video file or an image folder");
        }
        if (text.startsWith("lavfi:")) {
            return new CameraSpec(Kind.FFMPEG, text.substring("lavfi:".length()), "lavfi", 0, 0, fps);
        }
        if (text.startsWith("csi:") || text.equals("csi")) {
            String index = text.equals("csi") ? "" : text.substring("csi:".length()).trim();
            if (!index.isEmpty() && !index.matches("\\d{1,2}")) {
                throw new IllegalArgumentException("camera '" + text + "': a CSI camera is csi: or csi:N with N the"
                        + " camera number (0 is the first)");
            }
            return new CameraSpec(Kind.CSI, index.isEmpty() ? "0" : index, "mjpeg", width > 0 ? width : 640,
                    height > 0 ? height : 480, fps > 0 ? fps : 15);
        }
        if (text.startsWith("/dev/video")) {
            return new CameraSpec(Kind.V4L2, text, "video4linux2", width, height, fps);
        }
        Path path = Path.of(text);
        if (Files.isDirectory(path)) {
            return new CameraSpec(Kind.IMAGE_FOLDER, text, null, 0, 0, fps);
        }
        if (Files.isRegularFile(path)) {
            return new CameraSpec(Kind.VIDEO_FILE, text, null, 0, 0, fps);
        }
        throw new IllegalArgumentException("camera '" + text + "' is neither a /dev/video device, csi:, a video file nor an"
                + " image folder");
    }

    /** Files and folders loop so that a demo runs for ever. */
    public boolean loops() {
        return kind == Kind.VIDEO_FILE || kind == Kind.IMAGE_FOLDER;
    }

    @Override
    public FrameSource open() throws CameraException {
        return switch (kind) {
            case IMAGE_FOLDER -> new ImageFolderSource(Path.of(input));
            case CSI -> new PipedMjpegSource(CsiCommand.of(Integer.parseInt(input), width, height, fps), describe());
            default -> new GrabberFrameSource(this);
        };
    }

    @Override
    public String describe() {
        return switch (kind) {
            case V4L2 -> "USB camera " + input;
            case CSI -> "CSI camera " + input + " (rpicam-vid)";
            case VIDEO_FILE -> "video file " + input;
            case IMAGE_FOLDER -> "image folder " + input;
            case FFMPEG -> "FFmpeg source " + input;
        };
    }
}
