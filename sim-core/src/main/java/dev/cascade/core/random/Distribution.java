package dev.cascade.core.random;

/**
 * A distribution bound to a random stream, ready to draw: service times, think times, repair times
 * (in seconds) or dimensionless factors such as jitter. Created by {@link
 * DistributionSpec#bind(org.apache.commons.rng.UniformRandomProvider)}; each draw advances the
 * stream it is bound to.
 */
public interface Distribution {

  /** Draws the next value: seconds for a duration distribution, otherwise a plain number. */
  double sample();

  /** The mean of the distribution; {@code Double.POSITIVE_INFINITY} when it has none. */
  double mean();

  /** The canonical scenario text of the distribution, e.g. {@code exp(2ms)}. */
  String describe();
}
