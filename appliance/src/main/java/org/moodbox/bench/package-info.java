/**
 * Benchmarks, peers and their fixtures (synthetic catalogs, bench frames, the Human peer): reached from the
 * {@code bench} command only. No product room imports it.
 */
package org.moodbox.bench;
