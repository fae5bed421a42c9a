package dev.cascade.model.spec;

import java.util.List;

/**
 * One open-loop traffic class.
 *
 * @param rate constant arrivals per second, used when {@code profile} is empty
 * @param profile piecewise rate with linear ramps; empty means constant {@code rate}
 * @param keys key popularity, or null (caches then use their hit ratio)
 */
public record WorkloadSpec(
    String name,
    String entry,
    double rate,
    List<ProfilePoint> profile,
    Arrivals arrivals,
    KeysSpec keys,
    ClientSpec client) {

  public WorkloadSpec {
    profile = List.copyOf(profile);
  }

  /**
   * A point of a rate profile: from {@code at}, the rate moves to {@code rate} over {@code ramp}.
   */
  public record ProfilePoint(double at, double rate, double ramp) {}

  /** Inter-arrival process. */
  public enum Arrivals {
    POISSON,
    UNIFORM
  }

  /** Distinct keys and their Zipf exponent (0 = uniform). */
  public record KeysSpec(long space, double zipf) {}
}
