package org.moodbox.mood;

import org.moodbox.model.Mood;

import java.util.function.Consumer;

/** Where the screens read the mood: the latest value, and a push on every change. */
public interface MoodFeed {
    Mood current();

    /** Called on the tracker's thread; listeners must return quickly. */
    void subscribe(Consumer<Mood> listener);

    /** The listener's "not my mood" choice from the screen, kept until it times out. */
    void override(org.moodbox.model.Emotion emotion);

    /** Ends a listener's choice at once ("auto"): the camera decides again from now on. */
    void clearOverride();
}
