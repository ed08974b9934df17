package org.moodbox.models.build;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** A shipped file our own code makes ({@code by}) from fetched files ({@code from}, by their installAs names). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DerivedFile(String installAs, List<String> from, String by, String licence, String purpose) {
}
