/**
 * The device room: what makes Moodbox a box rather than a program. GPIO through Pi4J (a button, a
 * status LED, a presence sensor) and the systemd notify protocol (ready, watchdog, status, stopping).
 * It knows nothing of music: events leave through {@link org.moodbox.device.DeviceEvents}, and health comes
 * in through {@link org.moodbox.device.HealthCheck}s the composition root supplies.
 */
package org.moodbox.device;
