package org.moodbox.vision;

import org.moodbox.model.EnumNames;

/** How often the vision pipeline pays for a full detection and an emotion reading. */
public enum FrameMode {
    /**
     * Detect on keyframes, follow each face cheaply in between, and read a face's emotion again only when its
     * crop changed or its reading grew old ({@link TrackingSettings}): a fraction of the CPU of every frame, the
     * same faces and readings (README, "Vision at a fraction of the cost").
     */
    TRACKED("tracked"),
    /** Detect and classify every face in every frame: the yardstick the tracked mode is measured against. */
    EVERY_FRAME("every-frame");

    public static final FrameMode DEFAULT = TRACKED;

    private final String id;

    FrameMode(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The mode named {@code name} (case-insensitive), or an error that lists the names there are. */
    public static FrameMode parse(String name) {
        return EnumNames.parse(FrameMode.class, FrameMode::id, name, "frame mode");
    }

    @Override
    public String toString() {
        return id;
    }
}
