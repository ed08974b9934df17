package org.moodbox.settings;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The owner's music folders as stored: absolute, normalised paths, no repeats. Whether a folder exists is
 * not checked here: a USB disk that is unplugged when the box starts must not make the whole settings file
 * invalid. The admin page checks existence when the owner adds a folder ({@code FolderCheck} in the web room).
 */
final class LibraryFolders {
    static final int MAX_FOLDERS = 20;
    static final int MAX_PATH_LENGTH = 1000;

    private LibraryFolders() {
    }

    static List<String> check(FieldErrors errors, List<String> folders) {
        if (folders == null) {
            return List.of();
        }
        if (folders.size() > MAX_FOLDERS) {
            errors.add("libraryFolders", "at most " + MAX_FOLDERS + " folders, got " + folders.size());
            return List.of();
        }
        List<String> clean = new ArrayList<>();
        for (String folder : folders) {
            String f = folder == null ? "" : folder.strip();
            if (f.isEmpty()) {
                errors.add("libraryFolders", "a folder is empty; leave no blank entries");
            } else if (f.length() > MAX_PATH_LENGTH) {
                errors.add("libraryFolders", "a folder path is longer than " + MAX_PATH_LENGTH + " characters");
            } else if (f.chars().anyMatch(Character::isISOControl)) {
                errors.add("libraryFolders", "'" + f.replaceAll("\\p{Cntrl}", "?") + "' contains control characters");
            } else {
                String normal = normalised(errors, f);
                if (normal != null && !clean.contains(normal)) {
                    clean.add(normal);
                }
            }
        }
        return List.copyOf(clean);
    }

    private static String normalised(FieldErrors errors, String folder) {
        try {
            Path path = Path.of(folder);
            if (!path.isAbsolute()) {
                errors.add("libraryFolders", "'" + folder + "' is not a full path; start it with /, like /media/music");
                return null;
            }
            return path.normalize().toString();
        } catch (InvalidPathException e) {
            errors.add("libraryFolders", "'" + folder + "' is not a valid path: " + e.getReason());
            return null;
        }
    }
}
