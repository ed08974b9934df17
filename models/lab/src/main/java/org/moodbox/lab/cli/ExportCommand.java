package org.moodbox.lab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.moodbox.lab.export.DcnnTfliteExport;
import org.moodbox.lab.train.TrainedDcnn;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Writes a run's checkpoint as a float32 TFLite model (batch norm folded). */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export a run's checkpoint to a float32 .tflite file (batch norm folded into the convolutions).")
public final class ExportCommand implements Callable<Integer> {
    @Option(names = "--run", required = true, description = "the training run directory")
    Path run;
    @Option(names = "--checkpoint", defaultValue = "best", description = "best, last or a .params file (default: ${DEFAULT-VALUE})")
    String checkpoint;
    @Option(names = "--out", required = true, description = "the .tflite file to write")
    Path out;

    @Override
    public Integer call() throws Exception {
        Threads.use(1);
        try (TrainedDcnn dcnn = TrainedDcnn.load(run, checkpoint)) {
            String description = "Moodbox DCNN " + dcnn.layout().stagesText() + ", " + dcnn.checkpoint().getFileName()
                    + " of a " + dcnn.state().options().epochs() + "-epoch run, seed " + dcnn.state().options().seed();
            byte[] model = DcnnTfliteExport.floatModel(dcnn.block(), dcnn.layout(), description);
            Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
            Files.write(tmp, model);
            Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            System.out.printf("wrote %s: %,d bytes, float32, %s (best validation accuracy %.4f at epoch %d)%n", out,
                    model.length, description, dcnn.state().bestValidationAccuracy(), dcnn.state().bestEpoch());
        }
        return 0;
    }
}
