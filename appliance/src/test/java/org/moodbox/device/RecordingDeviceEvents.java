package org.moodbox.device;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Writes down each event as a word ("next", "like", "present", "absent") in arrival order. */
final class RecordingDeviceEvents implements DeviceEvents {
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();

    @Override
    public void onNext() {
        events.add("next");
    }

    @Override
    public void onLike() {
        events.add("like");
    }

    @Override
    public void onPresence(boolean present) {
        events.add(present ? "present" : "absent");
    }

    /** The next event, or null when none comes in time. */
    String next(Duration timeout) throws InterruptedException {
        return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The event already recorded, without waiting; null when there is none. */
    String poll() {
        return events.poll();
    }
}
