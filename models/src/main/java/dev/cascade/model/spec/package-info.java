/**
 * The configuration records of the models: plain immutable data, bound from a scenario file by the
 * scenarios module or written directly in Java by tests. Times are double seconds (infinity means
 * "none"), rates per second, sizes in bytes, fractions in [0,1]. Each record's compact constructor
 * checks only what would make the model meaningless; the loader reports user mistakes with
 * positions before these are built.
 */
package dev.cascade.model.spec;
