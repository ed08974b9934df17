package org.moodbox.device;

import com.pi4j.context.Context;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The box's hardware as one thing to open and close: the button, the status LED and the presence sensor.
 * Where there is no GPIO (a laptop, a missing permission, a missing driver) it opens disabled, says why
 * once in the log, and everything else goes on without it: never a crash.
 */
public final class GpioBoard implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GpioBoard.class);
    /** How often the LED looks at the service's state: fast enough to feel immediate at the box. */
    static final Duration LED_POLL = Duration.ofMillis(500);

    private final GpioStatus status;
    private final Context pi4j;
    private final ScheduledExecutorService timer;
    private final StatusLed led;

    private GpioBoard(GpioStatus status, Context pi4j, ScheduledExecutorService timer, StatusLed led) {
        this.status = status;
        this.pi4j = pi4j;
        this.timer = timer;
        this.led = led;
    }

    /**
     * Opens the pins on this machine.
     *
     * @param ledState polled for the LED: the composition root maps the camera's and the service's state to it
     */
    public static GpioBoard open(GpioPins pins, DeviceEvents events, Supplier<LedState> ledState) {
        return open(pins, events, ledState, GpiodPlatform.ofThisMachine(), System::nanoTime);
    }

    static GpioBoard open(GpioPins pins, DeviceEvents events, Supplier<LedState> ledState, GpioPlatform platform,
                          LongSupplier nanoClock) {
        if (!pins.enabled()) {
            return disabled("turned off in the settings");
        }
        String reason = platform.whyUnavailable().orElse(null);
        if (reason != null) {
            return disabled(reason);
        }
        Context pi4j = null;
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "gpio");
            thread.setDaemon(true);
            return thread;
        });
        try {
            pi4j = platform.newContext();
            new Button(pi4j, pins, events, nanoClock);
            new PresenceSensor(pi4j, pins, events, timer, nanoClock);
            StatusLed led = new StatusLed(pi4j, pins, timer);
            timer.scheduleWithFixedDelay(() -> followState(led, ledState), 0, LED_POLL.toMillis(), TimeUnit.MILLISECONDS);
            LOG.info("GPIO enabled: button GPIO{}, status LED GPIO{}, presence sensor GPIO{}", pins.button(),
                    pins.statusLed(), pins.presenceSensor());
            return new GpioBoard(GpioStatus.on(), pi4j, timer, led);
        } catch (RuntimeException | LinkageError e) {
            // A driver that cannot load its native library or open a line: the kiosk still runs, without buttons.
            timer.shutdownNow();
            shutDownQuietly(pi4j);
            return disabled("Pi4J could not open the pins: " + e);
        }
    }

    private static void followState(StatusLed led, Supplier<LedState> ledState) {
        try {
            led.show(ledState.get());
        } catch (RuntimeException e) {
            LOG.warn("status LED: {}", e.toString()); // next poll tries again; the timer must keep running
        }
    }

    private static GpioBoard disabled(String reason) {
        GpioStatus status = GpioStatus.off(reason);
        LOG.info("{}", status);
        return new GpioBoard(status, null, null, null);
    }

    public GpioStatus status() {
        return status;
    }

    /** The LED's current state; OFF when GPIO is disabled. */
    public LedState ledState() {
        return led == null ? LedState.OFF : led.state();
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
        shutDownQuietly(pi4j); // Pi4J puts each output in its shutdown state: the LED goes dark
    }

    private static void shutDownQuietly(Context pi4j) {
        if (pi4j != null) {
            try {
                pi4j.shutdown();
            } catch (RuntimeException e) {
                LOG.debug("Pi4J shutdown: {}", e.toString());
            }
        }
    }
}
