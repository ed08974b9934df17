package org.moodbox.app;

import org.moodbox.vision.FrameMode;
import picocli.CommandLine.Option;

/** {@code --every-frame}, shared by {@code run} and {@code demo}: the yardstick mode instead of tracking. */
public final class FrameModeOption {
    @Option(names = "--every-frame",
            description = "detect and read every face in every frame, as before tracking (default: detect on keyframes,"
                    + " follow faces in between, read a face again only when it changed; README, \"Vision at a"
                    + " fraction of the cost\")")
    boolean everyFrame;

    public FrameMode mode() {
        return everyFrame ? FrameMode.EVERY_FRAME : FrameMode.DEFAULT;
    }
}
