package org.moodbox.catalog;

import java.util.Optional;

/** Album art by track id; empty when the file had none (the screen draws a placeholder). */
public interface ArtworkStore {
    Optional<Artwork> artwork(long trackId);
}
