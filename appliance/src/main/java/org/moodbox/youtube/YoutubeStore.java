package org.moodbox.youtube;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The YouTube source's own tables in the catalog file (catalog migration 3): the search cache, the videos
 * found, and the quota ledger. Its own connection, used only from the source's background thread, so the
 * catalog's lock is never held across these bookkeeping writes; WAL lets both connections work side by side.
 *
 * <p>The catalog must have been opened (and so migrated) first.
 */
final class YoutubeStore implements AutoCloseable {
    private final Path file;
    private final Connection connection;

    record CachedSearch(String key, long fetchedAtMs, long expiresAtMs, int resultCount) {
    }

    record StoredVideo(String videoId, long fetchedAtMs) {
    }

    private YoutubeStore(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    static YoutubeStore open(Path catalogFile) {
        try {
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + catalogFile.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = 5000");
                s.execute("PRAGMA synchronous = FULL"); // as the catalog: a spent quota unit survives a power cut
                try (ResultSet rs = s.executeQuery(
                        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='youtube_quota'")) {
                    if (!rs.next()) {
                        c.close();
                        throw new IllegalStateException("catalog " + catalogFile + " has no YouTube tables; "
                                + "open it with Catalog.open first (migration 3)");
                    }
                }
            }
            return new YoutubeStore(catalogFile, c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the YouTube tables of " + catalogFile + ": "
                    + e.getMessage(), e);
        }
    }

    // ---------- quota ----------

    synchronized int unitsUsed(String pacificDay) {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT units_used FROM youtube_quota WHERE pacific_day = ?")) {
            ps.setString(1, pacificDay);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        } catch (SQLException e) {
            throw failure("reading the quota ledger", e);
        }
    }

    synchronized boolean exhausted(String pacificDay) {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT exhausted FROM youtube_quota WHERE pacific_day = ?")) {
            ps.setString(1, pacificDay);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getInt(1) == 1;
            }
        } catch (SQLException e) {
            throw failure("reading the quota ledger", e);
        }
    }

    /**
     * Adds {@code units} to the day if that stays within {@code budget} and the day is not marked exhausted;
     * one statement, so the check and the spending cannot be split by another writer.
     *
     * @return whether the units were booked (false: the call must not be made)
     */
    synchronized boolean book(String pacificDay, int units, int budget) {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT OR IGNORE INTO youtube_quota(pacific_day, units_used, exhausted) VALUES (?, 0, 0)");
             PreparedStatement add = connection.prepareStatement("""
                     UPDATE youtube_quota SET units_used = units_used + ?
                     WHERE pacific_day = ? AND exhausted = 0 AND units_used + ? <= ?""")) {
            insert.setString(1, pacificDay);
            insert.executeUpdate();
            add.setInt(1, units);
            add.setString(2, pacificDay);
            add.setInt(3, units);
            add.setInt(4, budget);
            return add.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failure("booking quota", e);
        }
    }

    /** YouTube said the quota is gone: nothing more this day, whatever our own count says. */
    synchronized void markExhausted(String pacificDay) {
        try (PreparedStatement ps = connection.prepareStatement("""
                INSERT INTO youtube_quota(pacific_day, units_used, exhausted) VALUES (?, 0, 1)
                ON CONFLICT(pacific_day) DO UPDATE SET exhausted = 1""")) {
            ps.setString(1, pacificDay);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure("marking the quota used up", e);
        }
    }

    // ---------- searches and videos ----------

    synchronized Optional<CachedSearch> search(String key) {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT fetched_at_ms, expires_at_ms, result_count FROM youtube_searches WHERE query_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new CachedSearch(key, rs.getLong(1), rs.getLong(2), rs.getInt(3)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("reading the search cache", e);
        }
    }

    /** Records a search's answer and its videos in one transaction. */
    synchronized void saveSearch(SearchQuery query, List<Video> videos, long nowMs, long expiresAtMs) {
        try {
            connection.setAutoCommit(false);
            try (PreparedStatement s = connection.prepareStatement("""
                    INSERT INTO youtube_searches(query_key, query_text, language, fetched_at_ms, expires_at_ms,
                                                 result_count) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT(query_key) DO UPDATE SET fetched_at_ms = excluded.fetched_at_ms,
                      expires_at_ms = excluded.expires_at_ms, result_count = excluded.result_count""");
                 PreparedStatement v = connection.prepareStatement("""
                         INSERT INTO youtube_videos(video_id, title, channel_title, thumbnail_url, query_key,
                                                    fetched_at_ms) VALUES (?, ?, ?, ?, ?, ?)
                         ON CONFLICT(video_id) DO UPDATE SET title = excluded.title,
                           channel_title = excluded.channel_title, thumbnail_url = excluded.thumbnail_url,
                           query_key = excluded.query_key, fetched_at_ms = excluded.fetched_at_ms""")) {
                s.setString(1, query.key());
                s.setString(2, query.text());
                s.setString(3, query.language());
                s.setLong(4, nowMs);
                s.setLong(5, expiresAtMs);
                s.setInt(6, videos.size());
                s.executeUpdate();
                for (Video video : videos) {
                    v.setString(1, video.videoId());
                    v.setString(2, video.title());
                    v.setString(3, video.channelTitle());
                    v.setString(4, video.thumbnailUrl());
                    v.setString(5, query.key());
                    v.setLong(6, nowMs);
                    v.executeUpdate();
                }
            }
            connection.commit();
        } catch (SQLException e) {
            rollback();
            throw failure("saving a search", e);
        } finally {
            autoCommit();
        }
    }

    /** Videos last seen before {@code beforeMs}. */
    synchronized List<StoredVideo> videosFetchedBefore(long beforeMs) {
        List<StoredVideo> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT video_id, fetched_at_ms FROM youtube_videos WHERE fetched_at_ms < ?")) {
            ps.setLong(1, beforeMs);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredVideo(rs.getString(1), rs.getLong(2)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("reading stored videos", e);
        }
    }

    synchronized void deleteVideos(List<String> videoIds) {
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM youtube_videos WHERE video_id = ?")) {
            for (String id : videoIds) {
                ps.setString(1, id);
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw failure("deleting stored videos", e);
        }
    }

    /** Forgets every search and video (the owner turned the source off); the quota ledger stays. */
    synchronized void clearSearches() {
        try (Statement s = connection.createStatement()) {
            s.executeUpdate("DELETE FROM youtube_videos");
            s.executeUpdate("DELETE FROM youtube_searches");
        } catch (SQLException e) {
            throw failure("clearing the search cache", e);
        }
    }

    synchronized int searchCount() {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM youtube_searches")) {
            return rs.next() ? rs.getInt(1) : 0;
        } catch (SQLException e) {
            throw failure("counting searches", e);
        }
    }

    private void rollback() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the first error is the one to report
        }
    }

    private void autoCommit() {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // the connection is broken; the next call reports it
        }
    }

    private IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException("catalog " + file + ": " + what + " failed: " + e.getMessage(), e);
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing at shutdown; nothing left to protect
        }
    }
}
