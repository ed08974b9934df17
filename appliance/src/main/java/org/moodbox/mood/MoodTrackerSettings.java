package org.moodbox.mood;

import java.time.Duration;

/**
 * @param smoothing     weight of the newest frame in the running average (0..1)
 * @param switchMargin  how far a new emotion must lead the shown one before it may replace it
 * @param switchFrames  for how many analysed frames in a row it must lead
 * @param sureThreshold below this confidence the screen says "not sure": 0.60 of the default model's calibrated
 *                      probabilities answers for 82% of the standard FER+ test's faces and is right on 90% of those
 *                      (README, "Calibrated probabilities and 'not sure'")
 * @param absence       after this long without a face, nobody is there
 * @param overrideTimeout how long a "not my mood" choice holds
 */
public record MoodTrackerSettings(double smoothing, double switchMargin, int switchFrames, double sureThreshold,
                                  Duration absence, Duration overrideTimeout) {
    public static MoodTrackerSettings defaults() {
        return new MoodTrackerSettings(0.3, 0.08, 3, 0.60, Duration.ofSeconds(10), Duration.ofMinutes(2));
    }
}
