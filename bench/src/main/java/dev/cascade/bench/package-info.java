/**
 * Benchmarks: JMH benchmarks of the hot parts and plain reference workloads ({@link
 * dev.cascade.bench.Reference}) whose numbers are recorded in docs/PERFORMANCE.md. Nothing here
 * runs in the test suite.
 */
package dev.cascade.bench;
