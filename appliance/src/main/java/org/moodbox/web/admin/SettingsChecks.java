package org.moodbox.web.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.moodbox.camera.CameraCheck;
import org.moodbox.settings.Settings;

/**
 * Checks of a settings change against this box, which the settings record itself must not make (a settings
 * file stays loadable when a USB disk is unplugged): a newly added music folder must exist and be readable,
 * and a newly chosen camera must be something the camera room can open (a /dev/video device, a video file, an
 * image folder). Values already saved are not re-checked, so an unplugged disk does not block other changes.
 */
final class SettingsChecks {
    private SettingsChecks() {
    }

    /** Problems by field, empty when the change may go to the store (which then checks everything else). */
    static Map<String, String> onTheBox(JsonNode changes, Settings current) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (changes == null || !changes.isObject()) {
            return problems; // the store says what is wrong with the shape
        }
        JsonNode folders = changes.get("libraryFolders");
        if (folders != null && folders.isArray()) {
            for (JsonNode folder : folders) {
                if (!folder.isTextual() || folder.textValue().isBlank()) {
                    continue; // the store's own check names these
                }
                String f = folder.textValue().strip();
                if (current.libraryFolders().contains(f)) {
                    continue;
                }
                String problem = folderProblem(f);
                if (problem != null) {
                    problems.putIfAbsent("libraryFolders", problem);
                }
            }
        }
        JsonNode camera = changes.get("cameraSource");
        if (camera != null && camera.isTextual() && !camera.textValue().isBlank()
                && !camera.textValue().strip().equals(current.cameraSource())) {
            CameraCheck.problem(camera.textValue().strip()).ifPresent(p -> problems.put("cameraSource", p));
        }
        return problems;
    }

    private static String folderProblem(String folder) {
        Path path;
        try {
            path = Path.of(folder);
        } catch (RuntimeException e) {
            return "'" + folder + "' is not a valid path";
        }
        if (!path.isAbsolute()) {
            return null; // the store explains full paths
        }
        if (!Files.isDirectory(path)) {
            return "'" + folder + "' is not a folder on this box";
        }
        if (!Files.isReadable(path)) {
            return "'" + folder + "' cannot be read by the Moodbox service (check its permissions)";
        }
        return null;
    }
}
