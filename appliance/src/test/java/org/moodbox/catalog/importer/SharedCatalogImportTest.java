package org.moodbox.catalog.importer;

import org.moodbox.catalog.Catalog;
import org.moodbox.catalog.SharedMusicData;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports the real 28,356-track TidyTuesday table from the shared data folder (never copied into the repo).
 * Found at $MOODBOX_SHARED_DATA/music or ../../shared/data/music from the module; skipped when absent.
 */
class SharedCatalogImportTest {
    @TempDir
    Path dir;

    @Test
    void importsTheTidyTuesdayCatalog() {
        Path table = SharedMusicData.require("catalog_tidytuesday_unique_tracks.csv.gz");
        try (Catalog catalog = Catalog.open(dir.resolve("catalog.db"))) {
            ImportReport report = new FeatureTableImporter(catalog).importFile(table, ColumnMapping.defaultMapping());
            System.out.printf("TidyTuesday import: %d tracks, %d skipped, %.1f s%n",
                    report.imported(), report.skipped().size(), report.seconds());
            assertThat(report.imported() + report.skipped().size()).isEqualTo(28_356);
            assertThat(report.skipped()).hasSizeLessThan(20).allSatisfy(s -> assertThat(s).startsWith("line "));
            assertThat(catalog.trackCount()).isEqualTo(report.imported());
        }
    }
}
