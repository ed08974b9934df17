package org.moodbox.catalog;

import java.nio.file.Path;

/**
 * The victim of {@link CatalogPowerLossTest}: opens the real catalog and performs {@link CrashWrites} n, n+1, ...
 * until it is killed, printing "ACK n" only after write n's commit has returned. An ACK is the promise the
 * test holds the file to. Usage: {@code CatalogCrashWriter <catalog file> <first n>}.
 */
public final class CatalogCrashWriter {
    /** A child whose test died (and so never kills it) stops by itself. */
    private static final long MAX_RUN_MILLIS = 60_000;

    private CatalogCrashWriter() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        long n = Long.parseLong(args[1]);
        long deadline = System.currentTimeMillis() + MAX_RUN_MILLIS;
        try (Catalog catalog = Catalog.open(file)) {
            System.out.println("OPEN");
            System.out.flush();
            while (System.currentTimeMillis() < deadline) {
                CrashWrites.apply(catalog, n);
                System.out.println("ACK " + n);
                System.out.flush();
                if (System.out.checkError()) {
                    return; // nobody is reading: the test is gone
                }
                n++;
            }
        }
    }
}
