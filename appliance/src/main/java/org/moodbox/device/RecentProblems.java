package org.moodbox.device;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A Logback appender that keeps the last {@value #CAPACITY} warnings and errors in memory for the owner's
 * status page, so "why is it silent?" has an answer without a shell on the box. Only the formatted message and
 * the exception's one-line summary are kept, never stack traces or arguments: no room logs pixels, and the
 * vision code logs only counts and error texts (faces never reach a log line).
 *
 * <p>A warning identical to one already kept (same level, logger and text) is counted on that entry, which
 * moves to the top, instead of taking a new one: 200 copies of one refused request showed as one line "×200"
 * rather than pushing every other entry out.
 *
 * <p>Logback creates appenders itself (from logback.xml), so the buffer is static: there is one log per process.
 */
public final class RecentProblems extends AppenderBase<ILoggingEvent> {
    static final int CAPACITY = 50;
    private static final int MAX_MESSAGE = 500;
    private static final Deque<Problem> PROBLEMS = new ArrayDeque<>();

    /** One WARN or ERROR line; {@code at} is an ISO-8601 instant (the latest copy's), {@code count} its copies. */
    public record Problem(String at, String level, String logger, String message, int count) {
        boolean sameAs(Problem other) {
            return level.equals(other.level) && logger.equals(other.logger)
                    && java.util.Objects.equals(message, other.message);
        }
    }

    @Override
    protected void append(ILoggingEvent event) {
        if (!event.getLevel().isGreaterOrEqual(Level.WARN)) {
            return;
        }
        String message = event.getFormattedMessage();
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            message = message + " (" + thrown.getClassName() + ": " + thrown.getMessage() + ")";
        }
        if (message != null && message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE) + "…";
        }
        String logger = event.getLoggerName();
        Problem problem = new Problem(Instant.ofEpochMilli(event.getTimeStamp()).toString(), event.getLevel().toString(),
                logger.substring(logger.lastIndexOf('.') + 1), message, 1);
        synchronized (PROBLEMS) {
            for (java.util.Iterator<Problem> kept = PROBLEMS.iterator(); kept.hasNext(); ) {
                Problem earlier = kept.next();
                if (earlier.sameAs(problem)) {
                    kept.remove();
                    problem = new Problem(problem.at(), problem.level(), problem.logger(), problem.message(),
                            earlier.count() + 1);
                    break;
                }
            }
            PROBLEMS.addFirst(problem);
            while (PROBLEMS.size() > CAPACITY) {
                PROBLEMS.removeLast();
            }
        }
    }

    /** Newest first. */
    public static List<Problem> latest() {
        synchronized (PROBLEMS) {
            return List.copyOf(PROBLEMS);
        }
    }
}
