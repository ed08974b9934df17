package org.moodbox.settings;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Replaces a file so that after a power cut it holds either the old bytes or the new ones, never a torn mix:
 * the new bytes go to a temporary file in the same folder, are forced to the disk, and the temporary file is
 * renamed over the target (an atomic rename on one file system); then the folder itself is forced, so the
 * rename survives too. The kiosk's SD card loses power whenever someone pulls the plug.
 */
public final class AtomicFile {
    public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private AtomicFile() {
    }

    /** @param ownerOnly create the file 0600 from the first byte (secrets never exist world-readable) */
    public static void write(Path target, byte[] bytes, boolean ownerOnly) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        FileAttribute<?>[] attributes = ownerOnly
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
        Path temp = Files.createTempFile(folder, "." + target.getFileName() + ".", ".tmp", attributes);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            if (ownerOnly) {
                Files.setPosixFilePermissions(temp, OWNER_ONLY); // in case a umask or ACL widened it
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the file system of " + folder + " cannot rename atomically", e);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        forceFolder(folder);
    }

    /**
     * Deletes the temporary files of writes that a crash or power cut interrupted before their rename (the
     * {@code finally} above never ran): each is a partial copy, never the file's content, and without this
     * every interrupted save would leave one more behind. Call before the first write, from the file's one writer.
     *
     * @return how many were removed
     */
    static int removeLeftovers(Path target) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        String prefix = "." + target.getFileName() + ".";
        int removed = 0;
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (java.util.stream.Stream<Path> files = Files.list(folder)) {
            for (Path leftover : files.filter(p -> {
                String name = p.getFileName().toString();
                return name.startsWith(prefix) && name.endsWith(".tmp");
            }).toList()) {
                if (Files.deleteIfExists(leftover)) {
                    removed++;
                }
            }
        }
        return removed;
    }

    /**
     * Moves a file that cannot be used out of the way, to {@code NAME.corrupt}, or {@code .corrupt.1}, {@code .2} ...
     * when an older one is there (it is never replaced): the owner's bytes are kept for a look, and the next
     * save cannot overwrite them.
     *
     * @return where the file now is
     */
    public static Path moveAside(Path file) throws IOException {
        for (int n = 0; ; n++) {
            Path aside = file.resolveSibling(file.getFileName() + ".corrupt" + (n == 0 ? "" : "." + n));
            try {
                return Files.move(file, aside);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // try the next name
            }
        }
    }

    /** Makes the rename durable; Linux allows fsync on a directory opened for reading. */
    private static void forceFolder(Path folder) {
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // Some file systems refuse fsync on directories; the rename itself has still happened.
        }
    }
}
