package dev.cascade.core.random;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checks each bound sampler against its closed form with a statistical bound instead of a magic
 * tolerance: the sample mean must lie within 5 standard errors (5 s / sqrt(n)) of the spec's mean,
 * and the share of draws at or below the true median within 5 binomial standard errors of 1/2. With
 * fixed seeds the outcome is deterministic; a correct sampler fails either bound with probability
 * below 1e-6.
 */
class DistributionSamplingTest {
  private static final int DRAWS = 200_000;

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "exp(2ms); 0.0013862943611198906",
        "lognormal(3ms, 0.5); 0.003",
        "uniform(1ms, 5ms); 0.003",
        "pareto(1ms, 4); 0.0011892071150027210",
        "lognormal(10m, 0.8); 600",
        "uniform(-1, 1); 0",
      })
  void sample_meanAndMedian_matchSpec(String text, double median) {
    DistributionSpec spec = DistributionSpec.parse(text);
    Distribution distribution = spec.bind(new RandomStreams(42, 0).stream("test", text));
    Draws draws = Draws.of(distribution, median);
    assertThat(Math.abs(draws.mean - spec.mean())).isLessThan(5 * draws.standardError());
    assertThat(Math.abs(draws.shareAtOrBelow - 0.5)).isLessThan(5 * 0.5 / Math.sqrt(DRAWS));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"2ms", "exp(2ms)", "exp(8m12s)"})
  void exponential_mean_matchesSpec(String text) {
    DistributionSpec spec = DistributionSpec.parse(text);
    Draws draws = Draws.of(spec.bind(new RandomStreams(7, 1).stream("exp", text)), 0);
    assertThat(Math.abs(draws.mean - spec.mean())).isLessThan(5 * draws.standardError());
    // the standard deviation of an exponential equals its mean
    assertThat(draws.sd).isBetween(0.99 * spec.mean(), 1.01 * spec.mean());
  }

  @ParameterizedTest(name = "{0} + 125ms")
  @CsvSource(
      delimiter = ';',
      value = {"exp(2ms)", "lognormal(3ms, 0.5)", "pareto(1ms, 4)"})
  void shifted_mean_matchesSpecPlusOffset(String text) {
    DistributionSpec spec = DistributionSpec.parse(text).plus(0.125);
    Draws draws = Draws.of(spec.bind(new RandomStreams(7, 1).stream("shifted", text)), 0.125);
    assertThat(Math.abs(draws.mean - spec.mean())).isLessThan(5 * draws.standardError());
    assertThat(draws.shareAtOrBelow).isZero();
  }

  /** Mean and standard deviation (Welford) of DRAWS samples, and the share at or below a level. */
  private record Draws(double mean, double sd, double shareAtOrBelow) {
    static Draws of(Distribution distribution, double level) {
      double mean = 0;
      double m2 = 0;
      int atOrBelow = 0;
      for (int i = 1; i <= DRAWS; i++) {
        double x = distribution.sample();
        double delta = x - mean;
        mean += delta / i;
        m2 += delta * (x - mean);
        atOrBelow += x <= level ? 1 : 0;
      }
      return new Draws(mean, Math.sqrt(m2 / (DRAWS - 1)), (double) atOrBelow / DRAWS);
    }

    double standardError() {
      return sd / Math.sqrt(DRAWS);
    }
  }
}
