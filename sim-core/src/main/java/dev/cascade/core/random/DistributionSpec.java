package dev.cascade.core.random;

import dev.cascade.core.unit.Durations;
import dev.cascade.core.unit.Numbers;
import dev.cascade.core.unit.UnitException;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousUniformSampler;
import org.apache.commons.rng.sampling.distribution.InverseTransformParetoSampler;
import org.apache.commons.rng.sampling.distribution.LogNormalSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * A distribution as written in a scenario file ({@code const(X)}, {@code exp(MEAN)}, {@code
 * lognormal(MEDIAN, SIGMA)}, {@code uniform(A,B)}, {@code pareto(SCALE, SHAPE)}, or a bare duration
 * meaning {@code exp(X)}), independent of any random stream. Location and scale parameters are
 * either durations, held in seconds, or plain numbers (see {@link Quantity}); {@link #toString()}
 * gives the canonical text, which {@link #parse(String)} reads back to an equal spec. {@link
 * #bind(UniformRandomProvider)} attaches a stream and returns a sampler from Apache Commons RNG.
 */
public sealed interface DistributionSpec {

  /**
   * Parses the scenario syntax of a distribution.
   *
   * @throws UnitException if the text is not a distribution, naming the text and a valid example
   */
  static DistributionSpec parse(String text) {
    return DistributionParser.parse(text);
  }

  /** Returns a sampler of this distribution drawing from {@code rng}. */
  Distribution bind(UniformRandomProvider rng);

  /** The mean; {@code Double.POSITIVE_INFINITY} for a Pareto distribution with shape <= 1. */
  double mean();

  /** Whether the parameters (and so the samples) are seconds or plain numbers. */
  Quantity quantity();

  /**
   * This distribution moved right by {@code seconds}, as a {@code slow} fault's {@code latency:
   * +200ms} does to a service time. Constant and uniform distributions move their parameters; the
   * others become a {@link Shifted} spec, whose text ({@code exp(2ms) + 200ms}) is for display only
   * and is not part of the scenario syntax.
   *
   * @throws IllegalArgumentException if seconds is negative or not finite, or this distribution is
   *     of plain numbers
   */
  default DistributionSpec plus(double seconds) {
    if (!(seconds >= 0) || !Double.isFinite(seconds)) {
      throw new IllegalArgumentException("shift must be a finite number of seconds >= 0");
    }
    if (quantity() == Quantity.NUMBER && mean() != 0) {
      throw new IllegalArgumentException(this + " is not a duration: cannot add seconds to it");
    }
    if (seconds == 0) {
      return this;
    }
    if (this instanceof Const c) {
      return new Const(c.value() + seconds, Quantity.DURATION);
    }
    if (this instanceof Uniform u) {
      return new Uniform(u.low() + seconds, u.high() + seconds, Quantity.DURATION);
    }
    if (this instanceof Shifted s) {
      return new Shifted(s.base(), s.offsetSeconds() + seconds);
    }
    return new Shifted(this, seconds);
  }

  /** What the location and scale parameters of a distribution measure. */
  enum Quantity {
    /** Seconds, written with a unit such as {@code 2ms}. */
    DURATION,
    /** Dimensionless, written as a plain number such as {@code 0.5}. */
    NUMBER;

    /** Prints a parameter value in the form {@link DistributionSpec#parse(String)} reads back. */
    public String format(double value) {
      return this == DURATION ? Durations.format(value) : Numbers.format(value);
    }
  }

  /** Always the same value: {@code const(X)}. */
  record Const(double value, Quantity quantity) implements DistributionSpec {
    public Const {
      Objects.requireNonNull(quantity, "quantity");
      Checks.finite(value, quantity, "const(X)");
    }

    @Override
    public Distribution bind(UniformRandomProvider rng) {
      return new SampledDistribution(this, () -> value);
    }

    @Override
    public double mean() {
      return value;
    }

    @Override
    public String toString() {
      return "const(" + quantity.format(value) + ")";
    }
  }

  /** Exponential with the given mean: {@code exp(MEAN)}, the memoryless service time. */
  record Exponential(double mean, Quantity quantity) implements DistributionSpec {
    public Exponential {
      Objects.requireNonNull(quantity, "quantity");
      Checks.positive(mean, "exp(MEAN) needs MEAN > 0");
    }

    @Override
    public Distribution bind(UniformRandomProvider rng) {
      return new SampledDistribution(this, ZigguratSampler.Exponential.of(rng, mean)::sample);
    }

    @Override
    public String toString() {
      return "exp(" + quantity.format(mean) + ")";
    }
  }

  /**
   * Log-normal given by its median and the standard deviation of its logarithm: {@code
   * lognormal(MEDIAN, SIGMA)}, i.e. {@code exp(N(ln MEDIAN, SIGMA^2))}, the usual fit of measured
   * latencies and repair times.
   */
  record LogNormal(double median, double sigma, Quantity quantity) implements DistributionSpec {
    public LogNormal {
      Objects.requireNonNull(quantity, "quantity");
      Checks.positive(median, "lognormal(MEDIAN, SIGMA) needs MEDIAN > 0");
      Checks.positive(sigma, "lognormal(MEDIAN, SIGMA) needs SIGMA > 0");
    }

    @Override
    public Distribution bind(UniformRandomProvider rng) {
      var gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
      return new SampledDistribution(
          this, LogNormalSampler.of(gaussian, Math.log(median), sigma)::sample);
    }

    @Override
    public double mean() {
      return median * Math.exp(sigma * sigma / 2);
    }

    @Override
    public String toString() {
      return "lognormal(" + quantity.format(median) + ", " + Numbers.format(sigma) + ")";
    }
  }

  /** Uniform on [A, B]: {@code uniform(A,B)}. */
  record Uniform(double low, double high, Quantity quantity) implements DistributionSpec {
    public Uniform {
      Objects.requireNonNull(quantity, "quantity");
      Checks.finite(low, quantity, "uniform(A,B)");
      Checks.finite(high, quantity, "uniform(A,B)");
      if (low > high) {
        throw new IllegalArgumentException("uniform(A,B) needs A <= B");
      }
    }

    @Override
    public Distribution bind(UniformRandomProvider rng) {
      return new SampledDistribution(this, ContinuousUniformSampler.of(rng, low, high)::sample);
    }

    @Override
    public double mean() {
      return low + (high - low) / 2;
    }

    @Override
    public String toString() {
      return "uniform(" + quantity.format(low) + ", " + quantity.format(high) + ")";
    }
  }

  /**
   * Pareto (type I) with minimum SCALE and tail index SHAPE: {@code pareto(SCALE, SHAPE)}, for
   * heavy-tailed work; the mean is finite only for SHAPE > 1 and the variance only for SHAPE > 2.
   */
  record Pareto(double scale, double shape, Quantity quantity) implements DistributionSpec {
    public Pareto {
      Objects.requireNonNull(quantity, "quantity");
      Checks.positive(scale, "pareto(SCALE, SHAPE) needs SCALE > 0");
      Checks.positive(shape, "pareto(SCALE, SHAPE) needs SHAPE > 0");
    }

    @Override
    public Distribution bind(UniformRandomProvider rng) {
      return new SampledDistribution(
          this, InverseTransformParetoSampler.of(rng, scale, shape)::sample);
    }

    @Override
    public double mean() {
      return shape > 1 ? shape * scale / (shape - 1) : Double.POSITIVE_INFINITY;
    }

    @Override
    public String toString() {
      return "pareto(" + quantity.format(scale) + ", " + Numbers.format(shape) + ")";
    }
  }

  /**
   * A duration distribution plus a fixed delay, made by {@link #plus(double)}; printed as {@code
   * exp(2ms) + 200ms}, which is display text and not part of the scenario syntax.
   */
  record Shifted(DistributionSpec base, double offsetSeconds) implements DistributionSpec {
    public Shifted {
      if (base instanceof Shifted || base.quantity() != Quantity.DURATION) {
        throw new IllegalArgumentException("can only shift an unshifted duration distribution");
      }
      Checks.finite(offsetSeconds, Quantity.DURATION, "a shift");
    }

    @Override
    public Distribution bind(UniformRandomProvider rng) {
      Distribution drawn = base.bind(rng);
      return new SampledDistribution(this, () -> drawn.sample() + offsetSeconds);
    }

    @Override
    public double mean() {
      return base.mean() + offsetSeconds;
    }

    @Override
    public Quantity quantity() {
      return Quantity.DURATION;
    }

    @Override
    public String toString() {
      return base + " + " + Durations.format(offsetSeconds);
    }
  }
}
