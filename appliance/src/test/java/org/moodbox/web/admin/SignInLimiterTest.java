package org.moodbox.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignInLimiterTest {
    private Instant now = Instant.parse("2026-11-24T20:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final SignInLimiter limiter = new SignInLimiter(clock, 5, 20, Duration.ofMinutes(5));

    @Test
    void fiveFailuresBlockThatClientUntilTheOldestLeavesTheWindow() {
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.blockedForSeconds("phone")).isEmpty();
            limiter.failed("phone");
            now = now.plusSeconds(10);
        }
        // the first failure was 50 s ago: it leaves the 300 s window in 250 s
        assertThat(limiter.blockedForSeconds("phone")).hasValue(250);
        assertThat(limiter.blockedForSeconds("laptop")).isEmpty();
        now = now.plusSeconds(250);
        assertThat(limiter.blockedForSeconds("phone")).isEmpty();
    }

    @Test
    void failuresSpreadOverManyAddressesHitTheGlobalLimit() {
        for (int i = 0; i < 20; i++) {
            limiter.failed("10.0.0." + i);
        }
        assertThat(limiter.blockedForSeconds("10.0.0.99")).hasValue(300);
    }

    @Test
    void aRightPasswordClearsOnlyThatClientsCount() {
        for (int i = 0; i < 4; i++) {
            limiter.failed("phone");
        }
        limiter.succeeded("phone");
        limiter.failed("phone");
        assertThat(limiter.blockedForSeconds("phone")).isEmpty();
    }
}
