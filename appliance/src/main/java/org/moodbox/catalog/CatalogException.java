package org.moodbox.catalog;

/** A catalog problem a person can act on: the message names the file and what is wrong with it. */
public class CatalogException extends RuntimeException {
    public CatalogException(String message) {
        super(message);
    }

    public CatalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
