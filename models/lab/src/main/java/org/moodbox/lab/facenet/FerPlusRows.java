package org.moodbox.lab.facenet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The training rows of the face-pretrained network: the cleaned FER-2013 rows whose FER+ majority is one of
 * the seven FER classes ({@code TrainingRows#withFerPlusMajority}). Rows whose most-voted FER+ column is contempt, unknown or
 * not-a-face are dropped (FER+'s own authors drop unknown and not-a-face; contempt has no FER-2013 class);
 * the kept rows' targets are their votes over the seven classes, renormalised (the contempt, unknown and
 * not-a-face votes of a kept row are dropped). The list is stored in the run, so training reads exactly the
 * rows the cache holds.
 */
public final class FerPlusRows {
    static final String FILE = "train-rows.txt";

    private FerPlusRows() {
    }

    public static void write(Path run, int[] rows) throws IOException {
        Files.createDirectories(run);
        Files.writeString(run.resolve(FILE), Arrays.stream(rows).mapToObj(Integer::toString)
                .collect(Collectors.joining("\n")) + "\n");
    }

    public static int[] read(Path run) throws IOException {
        List<String> lines = Files.readAllLines(run.resolve(FILE));
        return lines.stream().filter(l -> !l.isBlank()).mapToInt(Integer::parseInt).toArray();
    }
}
