package dev.cascade.model.spec;

import dev.cascade.core.random.DistributionSpec;

/**
 * An injected fault: at a fixed time (optionally for a duration), or at random with {@code mtbf}
 * and {@code mttr}.
 *
 * @param at start time; NaN for random faults
 * @param duration seconds; infinity = until restart, failover or remediation
 * @param latency added seconds for {@code SLOW}
 * @param count nodes for {@code KILL_NODES}
 * @param factor multiplier for {@code SPIKE}
 * @param mtbf time between random faults, or null
 * @param mttr repair time of random faults, or null
 */
public record FaultSpec(
    double at,
    String target,
    Action action,
    double duration,
    double latency,
    int count,
    double factor,
    DistributionSpec mtbf,
    DistributionSpec mttr) {

  /** What the fault does to its target. */
  public enum Action {
    CRASH,
    HANG,
    SLOW,
    KILL_NODES,
    SPIKE,
    FLUSH
  }

  /** Whether this fault happens at a fixed time. */
  public boolean scheduled() {
    return !Double.isNaN(at);
  }

  /** End time of a scheduled fault with a duration, else NaN. */
  public double end() {
    return scheduled() && Double.isFinite(duration) ? at + duration : Double.NaN;
  }
}
