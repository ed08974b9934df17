package org.moodbox.catalog.scan;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Freely licensed music that Debian packages install, which the appliance may ship and play as its demo
 * library. Their licences require attribution, which their tags do not state in full, so it is written here
 * from the packages' copyright files. Both packages are instrumental game scores, so their language is
 * known to be "instrumental" even without a language tag.
 */
record KnownCollection(Path root, String attribution, boolean instrumental) {
    static final List<KnownCollection> ALL = List.of(
            new KnownCollection(Path.of("/usr/share/games/singularity"),
                    "Maxstack, CC BY-SA 3.0 (Debian singularity-music)", true),
            new KnownCollection(Path.of("/usr/share/games/wesnoth"),
                    "Battle for Wesnoth composers, GPL-2+ (Debian wesnoth-1.16-music)", true));

    static Optional<KnownCollection> containing(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return ALL.stream().filter(c -> absolute.startsWith(c.root())).findFirst();
    }
}
