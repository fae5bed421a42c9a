/**
 * Streaming statistics of one simulation run.
 *
 * <p>Models register instruments by name in a {@link dev.cascade.core.stats.MetricRegistry}:
 * counters feeding rates and ratios, time-weighted {@link dev.cascade.core.stats.Level}s (queue
 * lengths, busy threads, SSJ's "accumulate" as opposed to a tally), sampled gauges, latency
 * recorders backed by HdrHistogram, and derived metrics. Time is cut into sample intervals {@code
 * [k*sample, (k+1)*sample)}; at each interval end every metric yields one value and folds it into
 * the accumulators of the report windows containing the interval (by midpoint). Nothing is kept per
 * request: the hot-path calls ({@code inc}, {@code add}, {@code set}, {@code record}) touch only
 * primitive fields and preallocated histograms, and latency memory is bounded by the number of
 * latency metrics times the number of windows, never by the length of the run. A ratio or a
 * percentile over a window comes from the window's summed counts and merged histogram, never from
 * averaging interval values. {@link dev.cascade.core.stats.ReplicationStat} turns the values of
 * independent replications into a mean with a Student-t 95% confidence half-width.
 *
 * <p>Everything here is single-threaded: one registry belongs to one run.
 */
package dev.cascade.core.stats;
