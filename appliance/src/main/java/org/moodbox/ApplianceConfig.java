package org.moodbox;

import java.nio.file.Path;
import java.util.List;
import org.moodbox.camera.CameraSpec;
import org.moodbox.vision.DetectorKind;

/**
 * How one appliance process is put together.
 *
 * @param libraryFolders music folders scanned (incrementally) at start
 * @param maxFps         analysed frames per second at most: the mood needs a few, the CPU is shared
 * @param volumeCap      the owner's loudest allowed volume, 0..1
 * @param detector       the face detector of the vision pipeline
 */
public record ApplianceConfig(Path dataDir, CameraSpec camera, String host, int port, List<Path> libraryFolders,
                              double maxFps, double volumeCap, DetectorKind detector) {
    public ApplianceConfig {
        if (detector == null) {
            throw new IllegalArgumentException("a face detector must be chosen");
        }
    }

    /** With MTCNN, the default detector. */
    public ApplianceConfig(Path dataDir, CameraSpec camera, String host, int port, List<Path> libraryFolders,
                           double maxFps, double volumeCap) {
        this(dataDir, camera, host, port, libraryFolders, maxFps, volumeCap, DetectorKind.MTCNN);
    }
}
