package org.moodbox.app;

import org.moodbox.catalog.Catalog;
import org.moodbox.catalog.CatalogException;
import org.moodbox.device.StorageFull;
import org.moodbox.model.Track;
import org.moodbox.playback.PlayRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The catalog's play log as playback's {@link PlayRecorder}. */
final class CatalogPlayRecorder implements PlayRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(CatalogPlayRecorder.class);
    private final Catalog catalog;

    CatalogPlayRecorder(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void started(Track track, String mood) {
        // The music plays whatever happens to the history: a full or failing SD card must not turn a song that
        // started into an error. The failure is logged, and a full card is a notice on the owner's pages.
        try {
            catalog.recordPlay(track.id(), mood, null);
            StorageFull.cleared();
        } catch (CatalogException e) {
            StorageFull.noticeIf(e);
            LOG.warn("'{}' plays, but its play was not recorded: {}", track.title(), e.getMessage());
        }
    }
}
