/**
 * Circuit breakers: the closed / open / half-open state machine of Resilience4j 2.x, rebuilt as
 * plain single-threaded objects driven by simulated time. {@link
 * dev.cascade.model.breaker.CircuitBreaker} is one breaker; {@link
 * dev.cascade.model.breaker.BreakerGroup} is one policy over a service's instances (one breaker per
 * instance, or one shared) and feeds the {@code open_fraction}, {@code half_open_fraction} and
 * {@code not_permitted_rps} metrics. The legal moves are listed once in {@link
 * dev.cascade.model.breaker.BreakerTransition}; the rules that decide them (a failure count in a
 * time span, or Resilience4j's failure and slow-call rates over a sliding window) are small
 * package-private classes behind {@code OutcomeRule}. Times are double seconds passed in by the
 * caller; nothing here reads a clock or allocates per call.
 */
package dev.cascade.model.breaker;
