/**
 * Parsers and printers for the value kinds of a scenario file (the "Values and units" table of
 * SCENARIO-FORMAT.md): durations, rates, counts, sizes, fractions and plain numbers. Each parser
 * turns text such as {@code 8m12s}, {@code 50k/s} or {@code 2gb} into a primitive in base units
 * (seconds, events per second, items, bytes, a ratio in [0,1]) and rejects anything else with a
 * {@link dev.cascade.core.unit.UnitException} that names the offending text and shows a valid
 * example, so the scenario binder only has to prefix the field name and file position. Printers
 * produce the shortest readable text that parses back to the same value.
 */
package dev.cascade.core.unit;
