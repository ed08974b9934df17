package org.moodbox.models.build;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * A shipped file our own code makes ({@code by}) from fetched or earlier derived files ({@code from}, by their
 * installAs names). {@code calibration} names the calibration set of an int8 quantization (else null).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DerivedFile(String installAs, List<String> from, String by, String licence, String purpose,
                          String calibration) {
    public DerivedFile(String installAs, List<String> from, String by, String licence, String purpose) {
        this(installAs, from, by, licence, purpose, null);
    }
}
