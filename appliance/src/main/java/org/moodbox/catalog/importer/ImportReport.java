package org.moodbox.catalog.importer;

import java.util.List;

/**
 * The outcome of a feature-table import, so the owner hears what the catalog now holds, not what was read.
 *
 * @param imported        distinct tracks stored (a repeated id counts once: the later row wins)
 * @param rows            data rows read, blank lines not counted
 * @param withoutFeatures stored tracks whose row had neither valence nor energy: in the catalog, never
 *                        recommended until something measures them
 * @param repeatedIds     one line per row whose id an earlier row already had ("line 40: id X repeats line 12")
 * @param skipped         one line per malformed row, with its line number; nothing of it was written
 */
public record ImportReport(int imported, int rows, int withoutFeatures, List<String> repeatedIds,
                           List<String> skipped, double seconds) {
    public ImportReport {
        repeatedIds = List.copyOf(repeatedIds);
        skipped = List.copyOf(skipped);
    }

    /** One line for the owner: "308 rows: 304 tracks (4 repeated ids, last row wins; 0 without features), 2 skipped". */
    public String summary() {
        return String.format("%d rows: imported %d tracks (%d repeated ids, the later row wins; %d without features),"
                + " skipped %d rows", rows, imported, repeatedIds.size(), withoutFeatures, skipped.size());
    }
}
