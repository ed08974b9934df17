package org.moodbox.catalog.scan;

import org.moodbox.model.SourceKind;
import org.moodbox.catalog.audio.AudioAnalyzer;
import org.moodbox.catalog.audio.AudioDecoder;
import org.moodbox.catalog.audio.AudioDescriptors;
import org.moodbox.catalog.audio.AudioFileException;
import org.moodbox.catalog.Catalog;
import org.moodbox.catalog.CatalogEntry;
import org.moodbox.catalog.CatalogException;
import org.moodbox.catalog.audio.DecodedAudio;
import org.moodbox.model.Features;
import org.moodbox.catalog.FileStamp;
import org.moodbox.catalog.LanguageGuess;
import org.moodbox.catalog.audio.MoodFeatureModel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks music folders, reads each audio file's tags, length and cover, measures its mood features and
 * stores it in the catalog. Files whose size and mtime are unchanged since the last scan are skipped; a file
 * that cannot be read is reported and skipped, never the end of the scan. Each file is saved in its own
 * transaction, so an interrupted scan keeps what it finished.
 */
public final class LibraryScanner {
    public static final Set<String> EXTENSIONS = Set.of("ogg", "oga", "mp3", "flac", "m4a", "opus", "wav");
    public static final SourceKind SOURCE = SourceKind.LOCAL;
    private static final Logger log = LoggerFactory.getLogger(LibraryScanner.class);

    private final Catalog catalog;
    private final AudioDecoder decoder;
    private final AudioAnalyzer analyzer = new AudioAnalyzer();
    private final MoodFeatureModel model = new MoodFeatureModel();

    /** @param windowSeconds analysed audio per file; 60 s gives stable features at several hundred x real time */
    public LibraryScanner(Catalog catalog, double windowSeconds) {
        this.catalog = catalog;
        this.decoder = new AudioDecoder(windowSeconds);
    }

    public ScanReport scan(List<Path> roots, ScanProgress progress) {
        long start = System.nanoTime();
        List<Path> files = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.exists(root)) {
                failures.add(root + ": no such file or folder");
                continue;
            }
            files.addAll(audioFiles(root, failures));
        }
        Map<String, FileStamp> known = catalog.fileStamps(SOURCE);
        int added = 0;
        int updated = 0;
        int unchanged = 0;
        double audioSeconds = 0;
        double analysedSeconds = 0;
        for (int i = 0; i < files.size(); i++) {
            if (Thread.currentThread().isInterrupted()) {
                // A background scan told to stop (the box shuts down): the files done so far are stored.
                failures.add("scan stopped after " + i + " of " + files.size() + " files: interrupted");
                log.info("scan stopped after {} of {} files: interrupted", i, files.size());
                break;
            }
            Path file = files.get(i);
            progress.at(i, files.size(), file);
            try {
                FileStamp stamp = stamp(file);
                String uri = file.toAbsolutePath().normalize().toUri().toString();
                FileStamp previous = known.get(uri);
                if (stamp.equals(previous)) {
                    unchanged++;
                    continue;
                }
                DecodedAudio audio = withTagLibrary(file, decoder.decode(file));
                catalog.upsert(entry(file, uri, stamp, audio));
                audioSeconds += audio.durationSeconds();
                analysedSeconds += audio.analysedSeconds();
                if (previous == null) {
                    added++;
                } else {
                    updated++;
                }
            } catch (AudioFileException | UncheckedIOException | CatalogException e) {
                failures.add(e.getMessage());
                log.warn("skipped: {}", e.getMessage());
            } catch (RuntimeException e) {
                failures.add(file + ": " + e);
                log.warn("skipped {}", file, e);
            }
        }
        progress.at(files.size(), files.size(), null);
        return new ScanReport(files.size(), added, updated, unchanged, failures, missing(roots, files, known),
                audioSeconds, analysedSeconds, (System.nanoTime() - start) / 1e9);
    }

    private static List<String> missing(List<Path> roots, List<Path> files, Map<String, FileStamp> known) {
        Set<String> present = new java.util.HashSet<>();
        files.forEach(f -> present.add(f.toAbsolutePath().normalize().toUri().toString()));
        List<String> rootUris = roots.stream().filter(Files::isDirectory)
                .map(r -> r.toAbsolutePath().normalize().toUri().toString()).toList();
        return known.keySet().stream().filter(uri -> !present.contains(uri))
                .filter(uri -> rootUris.stream().anyMatch(uri::startsWith)).sorted().toList();
    }

    /**
     * The tag library's tags and cover over FFmpeg's. Read only once FFmpeg has decoded the file, so a broken
     * file is reported by the decoder, once, with the decoder's reason.
     */
    private static DecodedAudio withTagLibrary(Path file, DecodedAudio audio) {
        TagReader.FileTags fileTags = TagReader.read(file);
        return new DecodedAudio(TagReader.merge(fileTags.tags(), audio.tags()), audio.durationSeconds(),
                fileTags.artwork() != null ? fileTags.artwork() : audio.artwork(), audio.samples(), audio.sampleRate());
    }

    private CatalogEntry entry(Path file, String uri, FileStamp stamp, DecodedAudio audio) {
        KnownCollection collection = KnownCollection.containing(file).orElse(null);
        AudioDescriptors descriptors = analyzer.analyse(audio.samples(), audio.sampleRate());
        Features features = model.features(descriptors);
        String title = TagInterpreter.title(audio, file);
        String artist = TagInterpreter.artist(audio);
        java.util.List<String> genres = TagInterpreter.genres(audio);
        LanguageGuess.Result language = TagInterpreter.language(audio, collection, title, artist, genres);
        return new CatalogEntry(SOURCE, uri, title, artist, audio.tag("album"), TagInterpreter.year(audio),
                language.language(), genres, audio.durationSeconds(), false,
                TagInterpreter.attribution(audio, collection), stamp, features, descriptors.mode(), audio.artwork(),
                language.source() == null ? null : language.source().key());
    }

    private static List<Path> audioFiles(Path root, List<String> failures) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).filter(LibraryScanner::isAudio).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            failures.add(root + ": cannot list folder (" + e.getMessage() + ")");
            return List.of();
        }
    }

    static boolean isAudio(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static FileStamp stamp(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new FileStamp(attributes.size(), attributes.lastModifiedTime().toMillis());
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read file attributes (" + e.getMessage() + ")", e);
        }
    }
}
