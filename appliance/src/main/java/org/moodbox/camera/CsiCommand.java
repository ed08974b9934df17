package org.moodbox.camera;

import java.util.List;

/**
 * The libcamera command line that streams a Raspberry Pi CSI camera as MJPEG to stdout: {@code rpicam-vid}
 * (rpicam-apps, Raspberry Pi OS Bookworm; formerly libcamera-vid) without preview, without time limit.
 */
final class CsiCommand {
    static final String PROGRAM = "rpicam-vid";

    private CsiCommand() {
    }

    static List<String> of(int cameraIndex, int width, int height, double fps) {
        return List.of(PROGRAM, "--camera", String.valueOf(cameraIndex), "--nopreview", "--timeout", "0",
                "--codec", "mjpeg", "--width", String.valueOf(width), "--height", String.valueOf(height),
                "--framerate", String.valueOf(Math.max(1, Math.round(fps))), "--output", "-");
    }
}
