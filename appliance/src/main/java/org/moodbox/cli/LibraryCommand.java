package org.moodbox.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.moodbox.catalog.Catalog;
import org.moodbox.catalog.scan.LibraryScanner;
import org.moodbox.catalog.scan.ScanReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code moodbox library scan DIR...}: local music files into the catalog. */
@Command(name = "library", mixinStandardHelpOptions = true, description = "Manage the local music library.",
        subcommands = LibraryCommand.Scan.class)
public final class LibraryCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "scan", mixinStandardHelpOptions = true,
            description = "Read tags, length, cover art and mood features of the audio files under DIR "
                    + "(.ogg .mp3 .flac .m4a .opus .wav). Unchanged files are skipped; unreadable ones reported.")
    static final class Scan implements Callable<Integer> {
        @Mixin
        DataDirOption data;

        @Parameters(arity = "1..*", paramLabel = "DIR", description = "folders (or files) to scan")
        List<Path> roots;

        @Option(names = "--window", paramLabel = "SECONDS", defaultValue = "60",
                description = "audio analysed per file, from its middle (default: ${DEFAULT-VALUE})")
        double windowSeconds;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (Catalog catalog = Catalog.open(data.catalogFile())) {
                ScanReport report = new LibraryScanner(catalog, windowSeconds).scan(roots, (done, total, file) -> {
                    String name = file == null ? "done" : file.getFileName().toString();
                    err.printf("\rscanning %d/%d %3d%% %-50.50s", done, total, total == 0 ? 100 : 100 * done / total, name);
                    err.flush();
                });
                err.println();
                for (String failure : report.failures()) {
                    err.println("skipped: " + failure);
                }
                out.printf("%d audio files: %d added, %d updated, %d unchanged, %d skipped; catalog %s has %d tracks%n",
                        report.found(), report.added(), report.updated(), report.unchanged(), report.failures().size(),
                        catalog.file(), catalog.trackCount());
                if (!report.missing().isEmpty()) {
                    out.printf("%d catalogued files under these folders are gone from disk (kept in the catalog)%n",
                            report.missing().size());
                }
                if (report.added() + report.updated() > 0) {
                    out.printf("read %.0f s of music (analysed %.0f s) in %.1f s: %.0fx real time%n",
                            report.audioSeconds(), report.analysedSeconds(), report.wallSeconds(),
                            report.realtimeFactor());
                } else {
                    out.printf("nothing new to read (%.1f s)%n", report.wallSeconds());
                }
                out.flush();
                return report.failures().isEmpty() ? 0 : 2;
            }
        }
    }
}
