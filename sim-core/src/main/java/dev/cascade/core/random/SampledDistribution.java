package dev.cascade.core.random;

import java.util.function.DoubleSupplier;

/** A {@link DistributionSpec} together with the sampler that draws from it on one stream. */
final class SampledDistribution implements Distribution {
  private final DistributionSpec spec;
  private final DoubleSupplier sampler;

  SampledDistribution(DistributionSpec spec, DoubleSupplier sampler) {
    this.spec = spec;
    this.sampler = sampler;
  }

  @Override
  public double sample() {
    return sampler.getAsDouble();
  }

  @Override
  public double mean() {
    return spec.mean();
  }

  @Override
  public String describe() {
    return spec.toString();
  }

  @Override
  public String toString() {
    return describe();
  }
}
