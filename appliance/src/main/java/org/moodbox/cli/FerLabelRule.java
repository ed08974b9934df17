package org.moodbox.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.moodbox.models.fer.FerPlusTestSets;
import org.moodbox.models.fer.FerSet;

/**
 * The rules {@code eval emotion --data DIR --labels NAME} scores FER-2013 faces against: FER-2013's own label or
 * one of the FER+ vote rules of {@link FerPlusTestSets}. A rule gives each row a FER label (0 angry .. 6 neutral),
 * {@link #LEFT_OUT}, or {@link #OUTSIDE_CLASSES} for a kept face of a class FER-2013 lacks (contempt).
 */
enum FerLabelRule {
    FER("fer", "FER-2013's own label", FerSet::label),
    FERPLUS("ferplus", "FER+ standard rule (Microsoft's majority: single votes zeroed, top class above half"
            + " of the rest; contempt faces kept and counted as misses)", FerSet::ferPlusStandard),
    FERPLUS_PLURALITY("ferplus-plurality", "FER+ plurality (the most-voted class; contempt, unknown and"
            + " not-a-face tops left out)", FerSet::ferPlusMajority),
    FERPLUS_CLEAR("ferplus-clear", "clear expressions: at least 7 of 10 annotators chose one non-neutral class",
            FerSet::ferPlusClear),
    FERPLUS_SUBTLE("ferplus-subtle", "subtle expressions: a non-neutral class got 4 to 6 votes, more than"
            + " neutral", FerSet::ferPlusSubtle);

    static final int LEFT_OUT = FerPlusTestSets.LEFT_OUT;
    static final int OUTSIDE_CLASSES = FerPlusTestSets.CONTEMPT;

    /** How a rule reads one row's label. */
    @FunctionalInterface
    interface RowLabel {
        int of(FerSet set, int row);
    }

    private final String id;
    private final String description;
    private final RowLabel label;

    FerLabelRule(String id, String description, RowLabel label) {
        this.id = id;
        this.description = description;
        this.label = label;
    }

    String id() {
        return id;
    }

    String description() {
        return description;
    }

    int label(FerSet set, int row) {
        return label.of(set, row);
    }

    boolean needsVotes() {
        return this != FER;
    }

    /** Whether the rule keeps faces of a class FER-2013 lacks (the standard test's contempt faces). */
    boolean keepsContempt() {
        return this == FERPLUS;
    }

    /**
     * The views scored beside this rule in the same run: the standard test also reports the clear and subtle
     * expressions, so one command gives the whole picture.
     */
    List<FerLabelRule> views() {
        return this == FERPLUS ? List.of(FERPLUS_CLEAR, FERPLUS_SUBTLE) : List.of();
    }

    static String names() {
        return Arrays.stream(values()).map(FerLabelRule::id).collect(Collectors.joining(", "));
    }

    static FerLabelRule parse(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.id.equals(wanted)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("--labels with --data is one of " + names() + ", not '" + name + "'"));
    }
}
