package org.moodbox.camera;

/** Opens a camera, again and again if it vanishes: the seam the reconnect logic works through. */
public interface FrameSourceOpener {
    FrameSource open() throws CameraException;

    String describe();
}
