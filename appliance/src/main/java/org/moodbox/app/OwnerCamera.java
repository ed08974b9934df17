package org.moodbox.app;

import java.util.concurrent.atomic.AtomicReference;
import org.moodbox.camera.CameraSpec;
import org.moodbox.settings.SettingsStore;
import org.moodbox.vision.VisionLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Switches the vision loop to the camera the owner picks on the admin page, while running. Only a change of
 * the saved camera switches: saving other settings leaves the running camera alone (at start the command
 * line's --camera decides, so the installer's choice is what a restart comes back to).
 */
final class OwnerCamera {
    private static final Logger LOG = LoggerFactory.getLogger(OwnerCamera.class);

    private OwnerCamera() {
    }

    static void follow(SettingsStore settings, VisionLoop vision, CameraSpec started) {
        AtomicReference<String> last = new AtomicReference<>(settings.current().cameraSource());
        settings.subscribe(saved -> {
            String source = saved.cameraSource();
            if (source.equals(last.getAndSet(source))) {
                return;
            }
            try {
                vision.switchCamera(CameraSpec.parse(source, started.width(), started.height(), started.fps()));
            } catch (IllegalArgumentException e) {
                // The admin API checked it when it was saved; a device can vanish in between.
                LOG.warn("cannot switch to camera '{}': {}", source, e.getMessage());
            }
        });
    }
}
