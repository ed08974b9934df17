package org.moodbox.lab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "export", mixinStandardHelpOptions = true, description = "Export a checkpoint to TFLite.")
public final class ExportCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return 1;
    }
}
