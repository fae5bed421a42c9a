package dev.cascade.model.breaker;

/**
 * Told about every state change of one {@link CircuitBreaker}, like Resilience4j's {@code
 * onStateTransition} event. It is called from inside the breaker's method that caused the move,
 * after the new state is in place; it must not call back into the same breaker.
 */
@FunctionalInterface
public interface TransitionListener {

  /** Ignores every transition. */
  TransitionListener NONE = (time, from, to) -> {};

  /**
   * The breaker moved from {@code from} to {@code to} at simulated {@code time} (seconds).
   *
   * @param time the {@code now} of the call that caused the move
   */
  void onTransition(double time, BreakerState from, BreakerState to);
}
