/**
 * The models lab: training and exporting our own emotion networks with DJL on the CPU, from the research data in
 * ../shared. Never part of the appliance; only its exported, committed files (models/trained) reach the product.
 */
package org.moodbox.lab;
