package org.moodbox.cli;

import picocli.CommandLine.Command;

/** Placeholder until the music room lands (issue 2 helper). */
@Command(name = "recommend", mixinStandardHelpOptions = true, description = "not yet")
public final class RecommendCommand implements Runnable {
    @Override
    public void run() {
        throw new UnsupportedOperationException("not yet");
    }
}
