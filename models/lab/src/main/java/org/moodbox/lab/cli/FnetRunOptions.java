package org.moodbox.lab.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which fine-tuning run a command reads: the data, the trunk cache, the run's folder and checkpoint, the trunk. */
public final class FnetRunOptions {
    @Option(names = "--data", required = true) Path data;
    @Option(names = "--cache", required = true) Path cache;
    @Option(names = "--name", required = true) String name;
    @Option(names = "--checkpoint", defaultValue = "best.params") String checkpoint;
    @Option(names = "--mobilefacenet", defaultValue = "models/target/model-sources/mobilefacenet/MobileFaceNet.tflite")
    Path mobileFaceNet;

    /** The run's folder inside the cache. */
    Path runFolder() {
        return cache.resolve(name);
    }

    /** The weights file to load. */
    Path checkpointFile() {
        return runFolder().resolve(checkpoint);
    }
}
