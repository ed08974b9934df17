package org.moodbox.device;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the systemd watchdog at half its timeout (as sd_watchdog_enabled(3) advises) but only while every
 * health check passes: a hung vision loop or a dead web server then ends in a restart by systemd
 * (Restart=on-failure), which is what a box nobody looks after needs. Health changes go to STATUS=.
 */
public final class ServiceWatchdog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceWatchdog.class);

    private final SystemdNotifier systemd;
    private final List<HealthCheck> checks;
    private final String healthyStatus;
    private final ScheduledExecutorService timer;
    private String lastProblem;

    private ServiceWatchdog(SystemdNotifier systemd, List<HealthCheck> checks, String healthyStatus) {
        this.systemd = systemd;
        this.checks = List.copyOf(checks);
        this.healthyStatus = healthyStatus;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "systemd-watchdog");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts feeding when the unit has a watchdog (WatchdogSec=); otherwise returns a watchdog that does nothing.
     *
     * @param healthyStatus the STATUS= line shown again once a problem has cleared
     */
    public static ServiceWatchdog start(SystemdNotifier systemd, List<HealthCheck> checks, String healthyStatus) {
        ServiceWatchdog watchdog = new ServiceWatchdog(systemd, checks, healthyStatus);
        systemd.watchdogTimeout().ifPresentOrElse(timeout -> {
            Duration period = timeout.dividedBy(2);
            watchdog.timer.scheduleAtFixedRate(watchdog::tick, 0, period.toNanos(), TimeUnit.NANOSECONDS);
            LOG.info("systemd watchdog: {} ms timeout, fed every {} ms while healthy", timeout.toMillis(),
                    period.toMillis());
        }, watchdog.timer::shutdown);
        return watchdog;
    }

    /** One round: all checks pass -> WATCHDOG=1; otherwise no ping, and the problem as STATUS=. */
    void tick() {
        Optional<String> problem = firstProblem();
        if (problem.isEmpty()) {
            systemd.watchdog();
            if (lastProblem != null) {
                LOG.info("healthy again");
                systemd.status(healthyStatus);
                lastProblem = null;
            }
        } else if (!Objects.equals(problem.get(), lastProblem)) {
            LOG.warn("unhealthy, not feeding the systemd watchdog: {}", problem.get());
            systemd.status("unhealthy: " + problem.get());
            lastProblem = problem.get();
        }
    }

    private Optional<String> firstProblem() {
        for (HealthCheck check : checks) {
            Optional<String> problem;
            try {
                problem = check.problem();
            } catch (RuntimeException e) {
                problem = Optional.of("health check failed: " + e);
            }
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
