package org.moodbox.lab;

import org.moodbox.lab.cli.CacheCommand;
import org.moodbox.lab.cli.ExportCommand;
import org.moodbox.lab.cli.FnetEvalCommand;
import org.moodbox.lab.cli.FnetExportCommand;
import org.moodbox.lab.cli.CalibrateCommand;
import org.moodbox.lab.cli.PasteFacesCommand;
import org.moodbox.lab.cli.QuantizeCommand;
import org.moodbox.lab.cli.FnetTrainCommand;
import org.moodbox.lab.cli.TeacherCommand;
import org.moodbox.lab.cli.TrainCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar models/lab/target/moodbox-lab.jar train|export ...}: the model lab on a workstation. */
@Command(name = "moodbox-lab", mixinStandardHelpOptions = true,
        description = "Train the DCNN emotion model on FER-2013/FER+ with DJL and export it to TFLite.",
        subcommands = {TrainCommand.class, ExportCommand.class, CacheCommand.class, FnetTrainCommand.class, FnetEvalCommand.class,
                FnetExportCommand.class, CalibrateCommand.class, PasteFacesCommand.class,
                QuantizeCommand.class, TeacherCommand.class})
public final class Lab implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Lab()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
