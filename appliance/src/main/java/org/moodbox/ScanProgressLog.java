package org.moodbox;

import java.nio.file.Path;
import org.moodbox.catalog.ScanProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Library scan progress at start-up goes to the log (the CLI's scan draws a progress line instead). */
enum ScanProgressLog implements ScanProgress {
    INSTANCE;

    private static final Logger LOG = LoggerFactory.getLogger(ScanProgressLog.class);
    private static final int EVERY = 10;

    @Override
    public void at(int done, int total, Path file) {
        if (done % EVERY == 0 || done == total) {
            LOG.info("scanning music: {}/{}", done, total);
        }
    }
}
