package org.moodbox.device;

import com.pi4j.context.Context;
import java.util.Optional;

/** Where GPIO comes from: the Pi's character device in the box, Pi4J's mock platform in tests. */
interface GpioPlatform {
    /** Why there is no usable GPIO here, in words for the log and the admin page; empty when there is. */
    Optional<String> whyUnavailable();

    /** A Pi4J context whose providers create the pins. Called only when {@link #whyUnavailable()} is empty. */
    Context newContext();
}
