package org.moodbox.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.moodbox.camera.CameraSpec;
import org.moodbox.mqtt.MqttUrl;
import org.moodbox.vision.DetectorKind;
import org.moodbox.vision.FrameMode;

/**
 * How one appliance process is put together.
 *
 * @param libraryFolders music folders scanned (incrementally) at start
 * @param maxFps         analysed frames per second at most: the mood needs a few, the CPU is shared
 * @param volumeCap      the owner's loudest allowed volume, 0..1
 * @param detector       the face detector for this run (the {@code --detector} option), or null to run the
 *                       owner's saved choice; either way, a detector the owner saves later takes over
 * @param frameMode      tracked (the default) or every frame ({@code --every-frame}), kept when the owner saves
 *                       another detector or emotion model
 * @param environment    the process environment, read once here: the rooms get their part of it from
 *                       {@link Appliance} (systemd's socket, Spotify's app, the YouTube API root, the ALSA mixer)
 * @param mqtt           a broker from {@code --mqtt}, saved as the owner's link at start; null: the saved link
 */
public record ApplianceConfig(Path dataDir, CameraSpec camera, String host, int port, List<Path> libraryFolders,
                              double maxFps, double volumeCap, DetectorKind detector, FrameMode frameMode,
                              Map<String, String> environment, MqttUrl mqtt) {
    public ApplianceConfig {
        environment = Map.copyOf(environment);
    }

    /** Without a broker on the command line. */
    public ApplianceConfig(Path dataDir, CameraSpec camera, String host, int port, List<Path> libraryFolders,
                           double maxFps, double volumeCap, DetectorKind detector, Map<String, String> environment) {
        this(dataDir, camera, host, port, libraryFolders, maxFps, volumeCap, detector, FrameMode.DEFAULT, environment,
                null);
    }

    /** With the owner's saved detector and no environment (no systemd, no Spotify app, YouTube's real API). */
    public ApplianceConfig(Path dataDir, CameraSpec camera, String host, int port, List<Path> libraryFolders,
                           double maxFps, double volumeCap) {
        this(dataDir, camera, host, port, libraryFolders, maxFps, volumeCap, null, FrameMode.DEFAULT, Map.of(), null);
    }
}
