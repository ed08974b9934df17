/**
 * The shared vocabulary rooms meet through: {@link org.moodbox.model.Emotion}, {@link org.moodbox.model.Mood}
 * (a point on the valence/arousal plane), {@link org.moodbox.model.Track}, {@link org.moodbox.model.Features} and
 * {@link org.moodbox.model.Strategy}. Plain values only: it imports nothing of ours.
 */
package org.moodbox.model;
