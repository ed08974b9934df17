package org.moodbox.catalog;

/**
 * What the plays table says about one track: times liked (feedback 1), skipped (feedback -1) and played to
 * the end with nothing said (feedback 0). Plays with no feedback recorded (null: started, outcome unknown)
 * count in none of them.
 */
public record PlayTally(long trackId, int likes, int skips, int fullPlays) {
}
