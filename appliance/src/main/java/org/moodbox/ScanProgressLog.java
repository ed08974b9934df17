package org.moodbox;

import org.moodbox.catalog.ScanProgress;

/** Library scan progress at start-up goes to the log (the CLI's scan draws a progress bar instead). */
enum ScanProgressLog implements ScanProgress {
    INSTANCE;
}
