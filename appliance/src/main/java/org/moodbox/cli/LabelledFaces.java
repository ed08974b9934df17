package org.moodbox.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.moodbox.models.fer.FerSet;
import org.moodbox.models.fer.FerSplit;

/**
 * The faces {@code eval emotion} scores and the rule that gives each its true label: a FER-2013 split under one
 * of the {@link FerLabelRule}s, or any gzip IDX image file with its label file (labels 0..6 as given).
 */
record LabelledFaces(FerSet faces, String source, String labelKind, FerLabelRule rule) {

    /** Row {@code i}'s true label: a FER label, {@link FerLabelRule#LEFT_OUT} or {@link FerLabelRule#OUTSIDE_CLASSES}. */
    int label(int i) {
        return rule.label(faces, i);
    }

    /** Opens {@code --data DIR --split S --labels RULE} or {@code --images FILE --labels FILE}: exactly one of data and images. */
    static LabelledFaces open(Path data, String split, String labels, Path images) throws IOException {
        if ((data == null) == (images == null)) {
            throw new IllegalArgumentException("give either --data DIR (FER-2013) or --images FILE --labels FILE");
        }
        if (images != null) {
            if (labels == null || isRuleName(labels)) {
                throw new IllegalArgumentException("--images needs --labels FILE (a gzip IDX label file)");
            }
            FerSet set = FerSet.fromFiles(images.getFileName().toString(), images, Path.of(labels));
            return new LabelledFaces(set, images.toString(), "file", FerLabelRule.FER);
        }
        FerSplit which = FerSplit.parse(split);
        if (which == FerSplit.TRAIN) {
            throw new IllegalArgumentException("evaluate on privatetest or publictest; the training split measures nothing");
        }
        FerLabelRule rule = labels == null ? FerLabelRule.FER : FerLabelRule.parse(labels);
        FerSet set = FerSet.load(data, which);
        if (rule.needsVotes() && !set.hasFerPlus()) {
            throw new IllegalArgumentException(data + " has no FER+ votes for " + which.fileKey());
        }
        return new LabelledFaces(set, "FER-2013 " + which.fileKey(), rule.id(), rule);
    }

    private static boolean isRuleName(String labels) {
        try {
            FerLabelRule.parse(labels);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
