package org.moodbox.model;

/**
 * Where a track came from, as the catalog stores it and the rooms tell tracks apart: the owner's library files,
 * an imported feature table, Spotify's search, or YouTube's (link only).
 */
public enum SourceKind {
    /** A file in the owner's music folders, played by the box. */
    LOCAL("local"),
    /** A row of an imported feature table (Spotify ids and features); plays through Spotify when linked. */
    IMPORT("import"),
    /** A track found by Spotify's search for the mood. */
    SPOTIFY("spotify"),
    /** A video found by YouTube's search: the box has no rights to play it, only to hand its link to a phone. */
    YOUTUBE("youtube");

    private final String key;

    SourceKind(String key) {
        this.key = key;
    }

    /** The name the catalog's {@code source} column and the JSON views use. */
    public String key() {
        return key;
    }

    /** Whether the box can only show this source's songs as a link (a QR code), not play them. */
    public boolean linkOnly() {
        return this == YOUTUBE;
    }

    /** @throws IllegalArgumentException naming the known sources, for a name this Moodbox does not know */
    public static SourceKind fromKey(String key) {
        return EnumNames.parse(SourceKind.class, SourceKind::key, key, "track source");
    }

    @Override
    public String toString() {
        return key;
    }
}
