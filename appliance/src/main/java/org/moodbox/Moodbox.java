package org.moodbox;

import org.moodbox.cli.BenchCommand;
import org.moodbox.cli.CatalogCommand;
import org.moodbox.cli.CommandFactory;
import org.moodbox.cli.EnvironmentDefaults;
import org.moodbox.cli.ProcessEnvironment;
import org.moodbox.app.DemoCommand;
import org.moodbox.cli.DetectCommand;
import org.moodbox.cli.EvalCommand;
import org.moodbox.cli.LibraryCommand;
import org.moodbox.cli.RecommendCommand;
import org.moodbox.app.RunCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The one entry point: {@code moodbox <command>}. Each room's commands live in org.moodbox.cli. */
@Command(name = "moodbox", mixinStandardHelpOptions = true, version = "moodbox 0.1.0",
        description = "Emotion-driven music kiosk: sees the face in front of it, offers songs that fit the mood.",
        subcommands = {DemoCommand.class, RunCommand.class, DetectCommand.class, RecommendCommand.class,
                CatalogCommand.class, LibraryCommand.class, BenchCommand.class, EvalCommand.class,
                CommandLine.HelpCommand.class})
public final class Moodbox implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // FFmpeg's own chatter (pixel-format notes, muxer banners) would drown the appliance's log.
        org.bytedeco.ffmpeg.global.avutil.av_log_set_level(org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR);
        System.exit(commandLine().execute(args));
    }

    /**
     * Shared by main and the CLI tests, so both see the same error handling. The process environment is read
     * here, once: option defaults and the appliance's configuration get it from this one reading.
     */
    public static CommandLine commandLine() {
        return commandLine(new ProcessEnvironment(System.getenv()));
    }

    /** With a stated environment (tests). */
    public static CommandLine commandLine(ProcessEnvironment environment) {
        CommandLine cli = new CommandLine(new Moodbox(), new CommandFactory(environment));
        cli.setDefaultValueProvider(new EnvironmentDefaults(environment));
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            // A clear one-line error for the person at the terminal; the stack trace only in debug logs.
            commandLine.getErr().println("moodbox: " + ex.getMessage());
            org.slf4j.LoggerFactory.getLogger(Moodbox.class).debug("command failed", ex);
            return 1;
        });
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
