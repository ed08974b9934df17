package org.moodbox.catalog.importer;

import java.util.List;

/** The outcome of a feature-table import: rows stored, and one line per row skipped (with its line number). */
public record ImportReport(int imported, List<String> skipped, double seconds) {
    public ImportReport {
        skipped = List.copyOf(skipped);
    }
}
