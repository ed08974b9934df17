package org.moodbox.vision;

/** Milliseconds each stage of one frame took: where the time goes. */
public record StageTimings(double decodeMs, double detectMs, double alignMs, double classifyMs) {
    public double totalMs() {
        return decodeMs + detectMs + alignMs + classifyMs;
    }

    public StageTimings withDecode(double ms) {
        return new StageTimings(ms, detectMs, alignMs, classifyMs);
    }
}
