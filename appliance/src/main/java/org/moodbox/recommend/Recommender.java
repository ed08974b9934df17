package org.moodbox.recommend;

import java.util.List;
import org.moodbox.model.Mood;

/** Mood in, ranked tracks out. */
public interface Recommender {
    List<Recommendation> recommend(Mood mood, int limit);
}
