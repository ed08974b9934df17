/**
 * Import of feature tables (CSV) into the catalog, with the column mapping and a report of every bad row.
 */
package org.moodbox.catalog.importer;
