package org.moodbox.app;

import java.util.concurrent.atomic.AtomicReference;
import org.moodbox.settings.Settings;
import org.moodbox.settings.SettingsStore;
import org.moodbox.vision.DetectorKind;
import org.moodbox.vision.PipelineChoice;
import org.moodbox.vision.VisionLoop;

/**
 * The owner's detector and emotion model, applied to the vision loop: at start (a {@code --detector} given on
 * the command line wins for this run) and whenever a save changes either of them. Saves that change other
 * settings leave the pipeline alone, so a volume change does not undo the command line's detector.
 */
final class VisionChoice {
    private VisionChoice() {
    }

    static PipelineChoice atStart(SettingsStore settings, DetectorKind commandLine) {
        Settings s = settings.current();
        return new PipelineChoice(commandLine != null ? commandLine : s.detector(), s.emotionModel());
    }

    static void follow(SettingsStore settings, VisionLoop vision) {
        AtomicReference<PipelineChoice> saved = new AtomicReference<>(of(settings.current()));
        settings.subscribe(next -> {
            PipelineChoice choice = of(next);
            if (!choice.equals(saved.getAndSet(choice))) {
                vision.choose(choice);
            }
        });
    }

    private static PipelineChoice of(Settings s) {
        return new PipelineChoice(s.detector(), s.emotionModel());
    }
}
