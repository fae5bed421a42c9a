package dev.cascade.model.spec;

/**
 * An API gateway: a token-bucket rate limit and adaptive shedding in front of {@code next}.
 *
 * @param rateLimit token bucket, or null for none
 * @param shed adaptive throttling, or null for none
 */
public record GatewaySpec(String name, String next, RateLimitSpec rateLimit, ShedSpec shed)
    implements ComponentSpec {

  @Override
  public ComponentKind kind() {
    return ComponentKind.GATEWAY;
  }

  /** Token bucket: {@code rate} tokens per second, at most {@code burst} stored. */
  public record RateLimitSpec(double rate, double burst) {}

  /**
   * Shedding: while {@code when} holds (checked every {@code checkEvery}), admit {@code limitRate}
   * per second (or, when that is NaN, {@code limitFraction} of arrivals); stop after the condition
   * has been false for {@code releaseAfter}.
   */
  public record ShedSpec(
      ConditionSpec when,
      double checkEvery,
      double limitRate,
      double limitFraction,
      double releaseAfter) {}
}
