package org.moodbox.catalog;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Every play with its mood and the listener's feedback: the history and the likes the recommender weighs. */
final class PlayLog extends CatalogTable {
    PlayLog(Connection connection, Path file) {
        super(connection, file);
    }

    void recordPlay(long trackId, String mood, Integer feedback) {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO plays(track_id, mood, feedback) VALUES (?, ?, ?)")) {
            ps.setLong(1, trackId);
            ps.setString(2, mood);
            setNullableInt(ps, 3, feedback);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure("recording a play of track " + trackId, e);
        }
    }

    int playCount(long trackId) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT COUNT(*) FROM plays WHERE track_id = ?")) {
            ps.setLong(1, trackId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        } catch (SQLException e) {
            throw failure("counting plays", e);
        }
    }

    List<Long> recentTrackIds(int count) {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT track_id FROM plays ORDER BY played_at DESC, id DESC LIMIT ?")) {
            ps.setInt(1, Math.max(0, count));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw failure("reading recent plays", e);
        }
    }

    boolean judgeLatestPlay(long trackId, int feedback) {
        if (feedback < -1 || feedback > 1) {
            throw new IllegalArgumentException("feedback must be -1, 0 or 1, not " + feedback);
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "UPDATE plays SET feedback = ? WHERE id = (SELECT MAX(id) FROM plays WHERE track_id = ?)")) {
            ps.setInt(1, feedback);
            ps.setLong(2, trackId);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failure("recording feedback on track " + trackId, e);
        }
    }

    List<PlayTally> playTallies() {
        List<PlayTally> tallies = new ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("""
                     SELECT track_id, SUM(feedback = 1), SUM(feedback = -1), SUM(feedback = 0) FROM plays
                     WHERE feedback IS NOT NULL GROUP BY track_id""")) {
            while (rs.next()) {
                tallies.add(new PlayTally(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)));
            }
            return tallies;
        } catch (SQLException e) {
            throw failure("reading play feedback", e);
        }
    }
}
