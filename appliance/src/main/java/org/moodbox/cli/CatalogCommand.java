package org.moodbox.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.moodbox.catalog.Catalog;
import org.moodbox.catalog.importer.ColumnMapping;
import org.moodbox.catalog.importer.FeatureTableImporter;
import org.moodbox.catalog.importer.ImportReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code moodbox catalog import FILE.csv[.gz]}: feature tables into the catalog. */
@Command(name = "catalog", mixinStandardHelpOptions = true, description = "Manage the music catalog.",
        subcommands = CatalogCommand.Import.class)
public final class CatalogCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import a Spotify-style feature table (CSV or CSV.gz). Malformed rows are reported "
                    + "with their line numbers and skipped; the import is all good rows or nothing.")
    static final class Import implements Callable<Integer> {
        @Mixin
        DataDirOption data;

        @Parameters(paramLabel = "FILE", description = "CSV file, gzipped or not")
        Path file;

        @Option(names = "--map", paramLabel = "FIELD=COLUMN",
                description = "read FIELD from COLUMN (fields: id, title, artist, album, date, valence, energy, "
                        + "tempo, mode, loudness, acousticness, danceability, duration_ms, genres, language)")
        List<String> overrides = new ArrayList<>();

        @Option(names = "--show-skipped", paramLabel = "N", defaultValue = "20",
                description = "list at most N skipped rows (default: ${DEFAULT-VALUE})")
        int showSkipped;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            ColumnMapping mapping = ColumnMapping.withOverrides(overrides);
            try (Catalog catalog = Catalog.open(data.catalogFile())) {
                err.println("importing " + file + " ...");
                err.flush();
                ImportReport report = new FeatureTableImporter(catalog).importFile(file, mapping);
                report.skipped().stream().limit(showSkipped).forEach(s -> err.println("skipped " + s));
                if (report.skipped().size() > showSkipped) {
                    err.println("... and " + (report.skipped().size() - showSkipped) + " more skipped rows");
                }
                report.repeatedIds().stream().limit(showSkipped).forEach(s -> err.println("repeated " + s));
                if (report.repeatedIds().size() > showSkipped) {
                    err.println("... and " + (report.repeatedIds().size() - showSkipped) + " more repeated ids");
                }
                out.printf("%s, in %.1f s; catalog %s has %d tracks%n", report.summary(), report.seconds(),
                        catalog.file(), catalog.trackCount());
                out.flush();
                return report.skipped().isEmpty() ? 0 : 2;
            }
        }
    }
}
