package org.moodbox.cli;

import picocli.CommandLine.Command;

/** Placeholder until the music room lands (issue 2 helper). */
@Command(name = "catalog", mixinStandardHelpOptions = true, description = "not yet")
public final class CatalogCommand implements Runnable {
    @Override
    public void run() {
        throw new UnsupportedOperationException("not yet");
    }
}
