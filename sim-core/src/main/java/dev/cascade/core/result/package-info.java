/**
 * Immutable results of simulation runs: the only input of every writer and chart.
 *
 * <p>A {@link dev.cascade.core.result.RunResult} holds what one run measured: the value of every
 * metric per sample interval, the {@link dev.cascade.core.result.WindowStats} of every metric per
 * report window, and the {@link dev.cascade.core.result.SimEvent}s of its timeline. A {@link
 * dev.cascade.core.result.Summary} combines the replications of one variant into means with 95%
 * confidence half-widths and a mean time series. Nothing here refers to model objects, so charts
 * and reports can be produced from saved results alone.
 */
package dev.cascade.core.result;
