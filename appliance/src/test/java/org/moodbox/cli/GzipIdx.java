package org.moodbox.cli;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes gzip IDX files (the layout of shared/data/fer2013) for the eval command's tests. */
final class GzipIdx {
    private GzipIdx() {
    }

    static Path write(Path file, byte[] data, int... dims) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(Files.newOutputStream(file)))) {
            out.writeInt(0x0800 | dims.length);
            for (int d : dims) {
                out.writeInt(d);
            }
            out.write(data);
        }
        return file;
    }
}
