/**
 * Randomness for the simulation: named random streams and the distributions drawn from them. Every
 * source of randomness (a component's service times, a workload's arrivals, a fault's repair times)
 * asks {@link dev.cascade.core.random.RandomStreams} for its own generator by component and stream
 * name; the generator's seed is a pure function of (seed, replication, component, stream), so
 * variants and sweep points of one replication see the same dice (common random numbers) and adding
 * a stream never shifts the others. A {@link dev.cascade.core.random.DistributionSpec} is the
 * RNG-free description written in a scenario ({@code exp(2ms)}, {@code lognormal(3ms, 0.5)});
 * binding it to a stream gives a {@link dev.cascade.core.random.Distribution} backed by the Apache
 * Commons RNG samplers. {@link dev.cascade.core.random.ZipfKeys} draws key popularity ranks.
 */
package dev.cascade.core.random;
