package org.moodbox.recommend;

import org.moodbox.catalog.PlayTally;

/**
 * How likes, skips and full plays move a track and its artist, in score units (a fit of 1 is a perfect
 * match; 0.1 is worth about 0.14 of distance on the perceived plane, a tenth of the way across).
 *
 * <ul>
 * <li>per track: +0.08 a like, +0.02 a full play, -0.10 a skip; capped at +0.15 and -0.30, so a song
 *     that fits the mood badly is not rescued by likes alone, while a song skipped three times is
 *     effectively gone;</li>
 * <li>per artist: half of the sum over the artist's tracks, capped at +0.08 and -0.15: liking one song
 *     leans a little toward the artist's others, but one artist never outweighs the mood;</li>
 * <li>a favourite artist (owner's setting): +0.10.</li>
 * </ul>
 * A skip costs more than a like earns because a skip is the one thing a kiosk listener does on purpose
 * when the music is wrong; a full play is weak evidence (the listener may have walked away).
 */
final class FeedbackWeights {
    static final double LIKE = 0.08;
    static final double FULL_PLAY = 0.02;
    static final double SKIP = -0.10;
    static final double TRACK_MAX = 0.15;
    static final double TRACK_MIN = -0.30;
    static final double ARTIST_SHARE = 0.5;
    static final double ARTIST_MAX = 0.08;
    static final double ARTIST_MIN = -0.15;
    static final double FAVOURITE = 0.10;

    private FeedbackWeights() {
    }

    /** The uncapped evidence of one track's tally. */
    static double raw(PlayTally t) {
        return LIKE * t.likes() + FULL_PLAY * t.fullPlays() + SKIP * t.skips();
    }

    static double track(double raw) {
        return clamp(raw, TRACK_MIN, TRACK_MAX);
    }

    static double artist(double rawSum) {
        return clamp(ARTIST_SHARE * rawSum, ARTIST_MIN, ARTIST_MAX);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
