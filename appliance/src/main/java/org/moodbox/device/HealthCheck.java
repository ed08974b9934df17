package org.moodbox.device;

import java.util.Optional;

/**
 * One part of the service that must be alive for the watchdog to be fed (the vision loop, the web server).
 * Answers quickly; a check that cannot answer is itself a problem.
 */
@FunctionalInterface
public interface HealthCheck {
    /** Empty when healthy, otherwise the problem in a few words for {@code systemctl status}. */
    Optional<String> problem();
}
