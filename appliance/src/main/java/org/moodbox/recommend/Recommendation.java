package org.moodbox.recommend;

import org.moodbox.model.Track;

/** A ranked suggestion with the one-line reason a person reads on the card. */
public record Recommendation(Track track, double score, String reason) {
}
