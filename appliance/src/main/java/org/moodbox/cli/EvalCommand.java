package org.moodbox.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code moodbox eval emotion ...}: accuracy of the appliance's own vision code on labelled faces;
 * {@code moodbox eval mood-model ...}: the perceived-mood model fitted and checked on mood-labelled music.
 */
@Command(name = "eval", mixinStandardHelpOptions = true, description = "Measures models on labelled data.",
        subcommands = {EvalEmotion.class, EvalMoodModel.class, EvalMusic.class})
public final class EvalCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
