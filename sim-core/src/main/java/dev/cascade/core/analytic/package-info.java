/**
 * Closed-form queueing results (M/M/1, M/M/c with Erlang C, M/D/1 and M/G/1 via
 * Pollaczek-Khinchine, Little's law) used as oracles: tests check the simulator against them with
 * confidence intervals, and reports use them to sanity-check a configuration (for example the
 * utilization and expected wait of a database pool before any run). Rates are per second and times
 * are seconds throughout.
 */
package dev.cascade.core.analytic;
