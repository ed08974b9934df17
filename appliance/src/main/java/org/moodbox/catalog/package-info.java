/**
 * The music catalog store: one SQLite file behind the {@link org.moodbox.catalog.Catalog} facade, one class per
 * table, numbered migrations, artist languages and artwork. The jobs that fill it sit beside it
 * ({@code catalog.scan}, {@code catalog.audio}, {@code catalog.importer}). Knows nothing of faces or screens.
 */
package org.moodbox.catalog;
