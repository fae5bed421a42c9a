package dev.cascade.model.spec;

import java.util.Set;

/**
 * What a client does with its requests: give up after {@code timeout} (the server keeps working),
 * and re-send up to {@code retries} times after the outcomes in {@code retryOn}, with exponential
 * backoff, optionally capped by a retry budget.
 *
 * @param timeout end-to-end seconds; infinity = never gives up
 * @param budget retries may add at most this share of first tries (token bucket refilled by
 *     successes); NaN = no budget
 */
public record ClientSpec(
    double timeout, int retries, BackoffSpec backoff, Set<Outcome> retryOn, double budget) {

  public ClientSpec {
    retryOn = Set.copyOf(retryOn);
  }

  /** The default client: 2 s timeout, no retries. */
  public static ClientSpec defaults() {
    return new ClientSpec(
        2.0,
        0,
        BackoffSpec.defaults(),
        Set.of(Outcome.REJECTED, Outcome.ERROR, Outcome.TIMEOUT),
        Double.NaN);
  }
}
