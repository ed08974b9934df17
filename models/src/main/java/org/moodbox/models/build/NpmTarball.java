package org.moodbox.models.build;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/** Reads selected files out of an npm tarball (gzip tar whose entries sit under one folder, {@code package/}). */
public final class NpmTarball {
    private final Path file;

    public NpmTarball(Path file) {
        this.file = file;
    }

    /**
     * Copies each wanted file (its path inside the package, without the top folder) to its destination.
     * Returns the paths it found; the caller decides what a missing one means.
     */
    public Set<String> extract(Map<String, Path> destinations) {
        Set<String> found = new HashSet<>();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file));
             TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(raw))) {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                if (!entry.isFile()) {
                    continue;
                }
                String path = withoutTopFolder(entry.getName());
                Path destination = destinations.get(path);
                if (destination != null && found.add(path)) {
                    Files.createDirectories(destination.toAbsolutePath().getParent());
                    Files.copy(tar, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new ModelBuildException("cannot read npm tarball " + file + " (" + e.getMessage()
                    + "); it is probably corrupt: delete it and rebuild to fetch it again", e);
        }
        return found;
    }

    /** npm names the top folder {@code package/}, but some old packages use their own name: accept any. */
    static String withoutTopFolder(String entryName) {
        String name = entryName.startsWith("./") ? entryName.substring(2) : entryName;
        int slash = name.indexOf('/');
        return slash < 0 ? name : name.substring(slash + 1);
    }
}
