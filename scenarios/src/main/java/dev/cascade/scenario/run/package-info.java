/**
 * Running a scenario: {@link dev.cascade.scenario.run.ScenarioRunner} simulates every case (variant
 * x sweep point) times every replication on a pool of {@code jobs} threads, one run per thread at a
 * time, and assembles the results in a fixed order, so they are identical whatever the number of
 * threads. Replications of every case reuse the same random streams (common random numbers). {@link
 * dev.cascade.scenario.run.CheckEvaluator} then compares replication means with the scenario's
 * checks.
 */
package dev.cascade.scenario.run;
