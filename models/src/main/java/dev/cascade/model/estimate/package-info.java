/**
 * Back-of-envelope capacity arithmetic from a spec alone, the way a design review does it: offered
 * load, cache hit split, load per database node against capacity, thread occupancy by Little's law,
 * Erlang C waiting times, and the same numbers after each single loss.
 */
package dev.cascade.model.estimate;
