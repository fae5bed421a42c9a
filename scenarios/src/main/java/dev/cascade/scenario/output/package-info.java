/**
 * The result files of a run, written from a {@link dev.cascade.scenario.run.ScenarioResult} alone:
 * {@code summary.json} (the shape of CLI.md), {@code timeseries.csv}, {@code timeline.md} and
 * {@code scenario.resolved.yaml}, published by {@link dev.cascade.scenario.output.OutputFolder} as
 * a whole folder renamed into place, so a failed or interrupted run never leaves half a result.
 * Every byte except {@code wall_s} is a function of the scenario and its seed.
 */
package dev.cascade.scenario.output;
