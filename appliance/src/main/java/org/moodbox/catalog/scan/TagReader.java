package org.moodbox.catalog.scan;

import org.moodbox.catalog.Artwork;
import org.moodbox.catalog.ImageTypes;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import org.jaudiotagger.audio.AudioFile;
import org.jaudiotagger.audio.AudioFileIO;
import org.jaudiotagger.tag.FieldKey;
import org.jaudiotagger.tag.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tags and cover art through jaudiotagger, the tag library that knows each format's own rules: ID3v1 and
 * ID3v2.2-2.4 frames in MP3 (TLAN, TCON with numeric genres, APIC), Vorbis comments and
 * METADATA_BLOCK_PICTURE in OGG, FLAC's own PICTURE blocks, and MP4 atoms (covr, freeform iTunes keys) in M4A.
 * FFmpeg still decodes the audio; its view of the tags fills what this one lacks (a licence URL, WAV INFO
 * chunks, Opus, which jaudiotagger does not read).
 *
 * <p>Keys come out as FFmpeg names them (title, artist, album_artist, date, genre, language, ...), so one
 * {@link TagInterpreter} reads both. A file jaudiotagger cannot parse is not an error here: the decoder
 * decides whether the file is broken.
 */
final class TagReader {
    private static final Logger log = LoggerFactory.getLogger(TagReader.class);
    /** Held so the level sticks: java.util.logging keeps loggers only weakly. */
    private static final java.util.logging.Logger JAUDIOTAGGER_LOG = java.util.logging.Logger.getLogger("org.jaudiotagger");

    static {
        // jaudiotagger reports every odd frame at INFO/WARNING on the console, which would tear the progress
        // line; what matters to a person (the file could not be read) is reported by the scan itself.
        JAUDIOTAGGER_LOG.setLevel(Level.OFF);
    }

    /** What the tag library found; empty tags and null artwork when it found nothing or could not read the file. */
    record FileTags(Map<String, String> tags, Artwork artwork) {
        static final FileTags NONE = new FileTags(Map.of(), null);
    }

    private static final Map<FieldKey, String> KEYS = keys();

    private TagReader() {
    }

    private static Map<FieldKey, String> keys() {
        Map<FieldKey, String> m = new LinkedHashMap<>();
        m.put(FieldKey.TITLE, "title");
        m.put(FieldKey.ARTIST, "artist");
        m.put(FieldKey.ALBUM_ARTIST, "album_artist");
        m.put(FieldKey.ALBUM, "album");
        m.put(FieldKey.YEAR, "date");
        m.put(FieldKey.ORIGINAL_YEAR, "originaldate");
        m.put(FieldKey.LANGUAGE, "language");
        m.put(FieldKey.COMPOSER, "composer");
        m.put(FieldKey.COPYRIGHT, "copyright");
        m.put(FieldKey.URL_LYRICS_SITE, "url_lyrics");
        return m;
    }

    static FileTags read(Path file) {
        AudioFile audio;
        try {
            audio = AudioFileIO.read(file.toFile());
        } catch (Exception | LinkageError e) {
            // CannotReadException, TagException, InvalidAudioFrameException, IOException, and the unchecked
            // exceptions a malformed frame can raise deep in the parser: all mean "no tags from here".
            log.debug("{}: no tags from the tag library ({})", file, e.toString());
            return FileTags.NONE;
        }
        Tag tag = audio.getTag();
        if (tag == null) {
            return FileTags.NONE;
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (Map.Entry<FieldKey, String> key : KEYS.entrySet()) {
            String value = first(tag, key.getKey());
            if (value != null) {
                tags.put(key.getValue(), value);
            }
        }
        String genres = genres(tag);
        if (genres != null) {
            tags.put("genre", genres);
        }
        return new FileTags(Map.copyOf(tags), artwork(file, tag));
    }

    private static String first(Tag tag, FieldKey key) {
        try {
            String v = tag.getFirst(key);
            return v == null || v.isBlank() ? null : v.trim();
        } catch (RuntimeException e) { // UnsupportedOperationException/KeyNotFoundException for keys a format lacks
            return null;
        }
    }

    /** All genre values joined with ';' (Vorbis and ID3v2.4 allow several). */
    private static String genres(Tag tag) {
        try {
            List<String> all = tag.getAll(FieldKey.GENRE).stream().filter(g -> g != null && !g.isBlank())
                    .map(String::trim).toList();
            return all.isEmpty() ? null : String.join(";", all);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Artwork artwork(Path file, Tag tag) {
        try {
            for (org.jaudiotagger.tag.images.Artwork art : tag.getArtworkList()) {
                byte[] data = art.getBinaryData();
                if (art.isLinked() || data == null || data.length == 0) {
                    continue; // a picture "linked" by URL is not in the file; nothing is fetched
                }
                // Trust the bytes over the declared MIME type: taggers write "image/jpg", "PNG", or nothing.
                String mime = ImageTypes.sniff(data);
                if (mime != null) {
                    return new Artwork(data, mime);
                }
            }
        } catch (RuntimeException e) {
            log.debug("{}: unreadable picture ({})", file, e.toString());
        }
        return null;
    }

    /** The tag library's values over FFmpeg's, key by key; FFmpeg's fill the gaps. */
    static Map<String, String> merge(Map<String, String> fromTagLibrary, Map<String, String> fromFfmpeg) {
        Map<String, String> merged = new LinkedHashMap<>();
        fromFfmpeg.forEach((k, v) -> merged.put(k.toLowerCase(Locale.ROOT), v));
        merged.putAll(fromTagLibrary);
        return merged;
    }
}
