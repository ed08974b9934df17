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
            assertThat(limiter.admit("phone")).isEmpty();
            limiter.failed("phone");
            now = now.plusSeconds(10);
        }
        // the first failure was 50 s ago: it leaves the 300 s window in 250 s
        assertThat(limiter.admit("phone")).hasValue(250);
        assertThat(limiter.admit("laptop")).isEmpty();
        now = now.plusSeconds(250);
        assertThat(limiter.admit("phone")).isEmpty();
    }

    @Test
    void failuresSpreadOverManyAddressesPaceEveryoneButNeverLockTheOwnerOut() {
        for (int i = 0; i < 20; i++) {
            assertThat(limiter.admit("10.0.0." + i)).isEmpty();
            limiter.failed("10.0.0." + i);
        }
        // Guessing is paced: one attempt per pace for the whole box, whichever address it comes from.
        assertThat(limiter.admit("10.0.0.50")).isEmpty();
        limiter.failed("10.0.0.50");
        assertThat(limiter.admit("10.0.0.51")).hasValue(SignInLimiter.PACE.toSeconds());
        assertThat(limiter.admit("phone")).hasValue(SignInLimiter.PACE.toSeconds());
        // Four guesses a minute keep the failures above the limit, yet the owner's phone gets its turn within
        // the pace every time, for as long as the guessing goes on.
        for (int minute = 0; minute < 30; minute++) {
            for (int guess = 0; guess < 4; guess++) {
                now = now.plusSeconds(15);
                if (limiter.admit("10.0.1." + (minute * 4 + guess)).isEmpty()) {
                    limiter.failed("10.0.1." + (minute * 4 + guess));
                }
            }
            now = now.plus(SignInLimiter.PACE);
            assertThat(limiter.admit("phone")).as("minute " + minute).isEmpty();
            limiter.succeeded("phone");
        }
        assertThat(limiter.admit("10.0.2.1")).isNotEmpty(); // still paced: guessing has not stopped
    }

    @Test
    void aRightPasswordClearsOnlyThatClientsCount() {
        for (int i = 0; i < 4; i++) {
            limiter.failed("phone");
        }
        limiter.succeeded("phone");
        limiter.failed("phone");
        assertThat(limiter.admit("phone")).isEmpty();
    }
}
