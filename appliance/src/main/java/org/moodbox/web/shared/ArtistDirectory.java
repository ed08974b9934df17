package org.moodbox.web.shared;

import java.util.List;
import org.moodbox.catalog.Catalog;

/** Artist names matching what the owner types, best first. */
@FunctionalInterface
public interface ArtistDirectory {
    List<String> search(String text, int limit);

    static ArtistDirectory of(Catalog catalog) {
        return catalog::artistNames;
    }
}
