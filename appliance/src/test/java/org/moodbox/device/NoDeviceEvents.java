package org.moodbox.device;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The receiver for a board whose test moves neither the button nor the sensor (the LED, the ways GPIO is off): no
 * event may arrive, and the test asserts none did. It stands in for nothing: what the box does with a press is
 * tested through the real BoxControls (app.BoxButtonTest, app.BoxPresenceTest).
 */
final class NoDeviceEvents implements DeviceEvents {
    final List<String> arrived = new CopyOnWriteArrayList<>();

    @Override
    public void onNext() {
        arrived.add("next");
    }

    @Override
    public void onLike() {
        arrived.add("like");
    }

    @Override
    public void onPresence(boolean present) {
        arrived.add(present ? "present" : "absent");
    }
}
