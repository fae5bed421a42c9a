package dev.cascade.model.breaker;

/**
 * The three states of a circuit breaker, as in Resilience4j's {@code CircuitBreaker.State} (its
 * disabled, forced-open and metrics-only states have no counterpart in a scenario file).
 */
public enum BreakerState {
  /** Calls flow; outcomes are recorded and may trip the breaker. */
  CLOSED,
  /** Calls fail fast until {@code open_for} has passed. */
  OPEN,
  /** A fixed number of trial calls decide between closing and opening again. */
  HALF_OPEN
}
