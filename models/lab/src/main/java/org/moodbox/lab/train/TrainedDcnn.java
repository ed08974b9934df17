package org.moodbox.lab.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.nn.SequentialBlock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.moodbox.lab.net.DcnnBlocks;
import org.moodbox.lab.net.DcnnLayout;

/** A checkpoint of a run loaded back into a DJL block, for export and evaluation. Close it to free the weights. */
public record TrainedDcnn(Model model, SequentialBlock block, DcnnLayout layout, RunState state, Path checkpoint)
        implements AutoCloseable {

    /** {@code which} is "best", "last" or a path to a .params file of this run. */
    public static TrainedDcnn load(Path runDir, String which) throws IOException {
        if (!RunState.exists(runDir)) {
            throw new IOException(runDir + " is not a training run (no " + RunState.FILE + ")");
        }
        RunState state = RunState.read(runDir);
        Path file = switch (which) {
            case "best" -> runDir.resolve(Checkpoints.BEST);
            case "last" -> Checkpoints.latest(runDir, state.step());
            default -> Path.of(which);
        };
        if (!Files.isRegularFile(file)) {
            throw new IOException("no checkpoint " + file + " (the run has finished " + state.epochsDone() + " epochs)");
        }
        DcnnLayout layout = state.options().layout();
        SequentialBlock block = DcnnBlocks.build(layout);
        Model model = Model.newInstance("dcnn", Device.cpu());
        try {
            model.setBlock(block);
            Checkpoints.load(block, model.getNDManager(), file);
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
        return new TrainedDcnn(model, block, layout, state, file);
    }

    @Override
    public void close() {
        model.close();
    }
}
