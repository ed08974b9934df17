package org.moodbox.cli;

import picocli.CommandLine.Command;

/** Placeholder until the vision room lands. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "not yet")
public final class RunCommand implements Runnable {
    @Override
    public void run() {
        throw new UnsupportedOperationException("not yet");
    }
}
