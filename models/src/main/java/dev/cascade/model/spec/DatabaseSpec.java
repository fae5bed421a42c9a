package dev.cascade.model.spec;

import dev.cascade.core.random.DistributionSpec;

/**
 * Database read nodes. Per node, {@code workers} queries run in parallel (or workers = capacity x
 * mean latency when {@code workers} is 0); {@code maxConnections} bounds in-service plus queued
 * queries; callers wait up to {@code acquireTimeout} for a connection.
 *
 * @param capacity queries per second per node, or NaN when {@code workers} is given
 * @param contention Universal Scalability Law coefficients, or null
 * @param autoscale scale-out rule, or null
 */
public record DatabaseSpec(
    String name,
    int nodes,
    double capacity,
    DistributionSpec latency,
    int workers,
    int maxConnections,
    double acquireTimeout,
    ContentionSpec contention,
    AutoscaleSpec autoscale,
    boolean cancelOnTimeout)
    implements ComponentSpec {

  @Override
  public ComponentKind kind() {
    return ComponentKind.DATABASE;
  }

  /** Parallel workers per node: given, or capacity x mean latency (at least 1). */
  public int effectiveWorkers() {
    if (workers > 0) {
      return workers;
    }
    return (int) Math.max(1, Math.round(capacity * latency.mean()));
  }

  /** Service time multiplier 1 + sigma(n-1) + kappa n(n-1) with n busy workers. */
  public record ContentionSpec(double sigma, double kappa) {}

  /** Add {@code add} nodes {@code delay} after {@code when} held for {@code forSeconds}. */
  public record AutoscaleSpec(
      ConditionSpec when, double forSeconds, int add, double delay, int max) {}
}
