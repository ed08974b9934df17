package org.moodbox.catalog;

import org.moodbox.model.SourceKind;
import org.moodbox.model.Features;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The numbered writes of the power-loss test, shared by the writer (which performs write n) and the test
 * (which reads back which writes the file holds). Write n, counted from 1, is one transaction of one of three
 * kinds, so that every kind the appliance does at run time is cut somewhere:
 * <ul>
 *   <li>n % 3 == 1: upsert of a new track {@code pl:new:n} with features and artwork of a size that varies
 *       with n (a transaction over several tables and several pages);</li>
 *   <li>n % 3 == 2: {@code recordPlay} of the track of write n-1, mood {@code ack-n};</li>
 *   <li>n % 3 == 0: upsert that rewrites one hot row, {@code pl:hot}, with title {@code rev n}.</li>
 * </ul>
 */
final class CrashWrites {
    static final String HOT_URI = "pl:hot";

    private CrashWrites() {
    }

    static void apply(Catalog catalog, long n) {
        switch ((int) (n % 3)) {
            case 1 -> catalog.upsert(entry(newUri(n), "Song " + n, artwork(n)));
            case 2 -> catalog.recordPlay(catalog.trackByUri(newUri(n - 1)).orElseThrow().id(), mood(n), 1);
            default -> catalog.upsert(entry(HOT_URI, "rev " + n, null));
        }
    }

    static String newUri(long n) {
        return "pl:new:" + n;
    }

    static String mood(long n) {
        return "ack-" + n;
    }

    /** 200 to ~4 KB, so some writes fit in one page and some span several. */
    static byte[] artwork(long n) {
        byte[] bytes = new byte[200 + (int) (n * 7919 % 3900)];
        Arrays.fill(bytes, (byte) n);
        return bytes;
    }

    private static CatalogEntry entry(String uri, String title, byte[] art) {
        return new CatalogEntry(SourceKind.LOCAL, uri, title, "Writer", "Crashes", 2024, "en", null, 180, false,
                null, null, new Features(0.5, 0.5, 100.0, "estimated"), 1,
                art == null ? null : new Artwork(art, "image/png"));
    }

    /**
     * Reads which writes the file holds and checks that they are exactly writes 1..max, each complete and
     * none twice (a torn transaction or a hole would show here). Returns max, 0 when there are none.
     */
    static long verifyContiguous(Connection c) throws SQLException {
        Map<Long, Integer> newTracks = new HashMap<>();
        Map<Long, Long> plays = new HashMap<>();
        long hotRev = 0;
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("""
                    SELECT t.uri, t.title, length(a.bytes), f.valence FROM tracks t
                    LEFT JOIN artwork a ON a.track_id = t.id LEFT JOIN features f ON f.track_id = t.id""")) {
                while (rs.next()) {
                    String uri = rs.getString(1);
                    check(rs.getObject(4) != null, "features of " + uri + " missing: a torn upsert");
                    if (uri.equals(HOT_URI)) {
                        hotRev = Long.parseLong(rs.getString(2).substring("rev ".length()));
                    } else {
                        long n = Long.parseLong(uri.substring("pl:new:".length()));
                        check(rs.getObject(3) != null && rs.getInt(3) == artwork(n).length,
                                "artwork of " + uri + " missing or the wrong size: a torn upsert");
                        newTracks.put(n, rs.getInt(3));
                    }
                }
            }
            try (ResultSet rs = s.executeQuery(
                    "SELECT p.mood, t.uri FROM plays p JOIN tracks t ON t.id = p.track_id")) {
                while (rs.next()) {
                    long n = Long.parseLong(rs.getString(1).substring("ack-".length()));
                    check(plays.put(n, n) == null, "play " + n + " recorded twice");
                    check(rs.getString(2).equals(newUri(n - 1)), "play " + n + " is on the wrong track");
                }
            }
        }
        long max = Math.max(hotRev, Math.max(maxKey(newTracks), maxKey(plays)));
        for (long n = 1; n <= max; n++) {
            switch ((int) (n % 3)) {
                case 1 -> check(newTracks.containsKey(n), "write " + n + " (new track) lost, but " + max + " is there");
                case 2 -> check(plays.containsKey(n), "write " + n + " (play) lost, but " + max + " is there");
                default -> { } // the hot row keeps only its latest revision, checked below
            }
        }
        check(hotRev == max / 3 * 3, "hot row at rev " + hotRev + " but the latest hot write is " + max / 3 * 3);
        check(newTracks.size() + plays.size() == max - max / 3, "writes beyond " + max + " or duplicates");
        return max;
    }

    private static long maxKey(Map<Long, ?> map) {
        return map.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new AssertionError(message);
        }
    }
}
