/**
 * Measurements of model files against each other on research data (int8 against its float original); used by
 * the appliance's bench command and the tests, never by the running appliance.
 */
package org.moodbox.models.eval;
