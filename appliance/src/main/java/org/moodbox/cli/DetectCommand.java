package org.moodbox.cli;

import picocli.CommandLine.Command;

/** Placeholder until the vision room lands. */
@Command(name = "detect", mixinStandardHelpOptions = true, description = "not yet")
public final class DetectCommand implements Runnable {
    @Override
    public void run() {
        throw new UnsupportedOperationException("not yet");
    }
}
