/**
 * Reading FER-2013 and its FER+ votes from the research data folder (gzip IDX files), with a clear error for a
 * missing, truncated or malformed file. The data is read where it lies and never copied into the product.
 */
package org.moodbox.models.fer;
