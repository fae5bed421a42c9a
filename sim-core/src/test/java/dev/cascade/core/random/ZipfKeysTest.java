package dev.cascade.core.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ZipfKeysTest {
  private static final int DRAWS = 200_000;
  private static final int KEYS = 50;

  private static int[] counts(double exponent) {
    ZipfKeys keys =
        new ZipfKeys(new RandomStreams(5, 0).stream("workload", "keys"), KEYS, exponent);
    int[] counts = new int[KEYS];
    for (int i = 0; i < DRAWS; i++) {
      counts[keys.next()]++;
    }
    return counts;
  }

  /** Zipf probability of each rank: (k+1)^-s normalized. */
  private static double[] probabilities(double exponent) {
    double[] p = new double[KEYS];
    double total = 0;
    for (int k = 0; k < KEYS; k++) {
      p[k] = Math.pow(k + 1, -exponent);
      total += p[k];
    }
    for (int k = 0; k < KEYS; k++) {
      p[k] /= total;
    }
    return p;
  }

  @ParameterizedTest
  @ValueSource(doubles = {0, 0.6, 0.99, 1.5})
  void rankFrequencies_matchZipfLaw(double exponent) {
    int[] counts = counts(exponent);
    double[] p = probabilities(exponent);
    for (int k = 0; k < KEYS; k++) {
      double share = (double) counts[k] / DRAWS;
      double standardError = Math.sqrt(p[k] * (1 - p[k]) / DRAWS);
      assertThat(Math.abs(share - p[k])).as("rank %d", k).isLessThan(5 * standardError);
    }
  }

  @Test
  void rankZero_isMostFrequent() {
    int[] counts = counts(0.99);
    for (int k = 1; k < KEYS; k++) {
      assertThat(counts[0]).isGreaterThan(counts[k]);
    }
    assertThat(counts[0]).isGreaterThan(2 * counts[3]);
  }

  @Test
  void exponentZero_isRoughlyUniform() {
    int[] counts = counts(0);
    double expected = (double) DRAWS / KEYS;
    for (int count : counts) {
      assertThat(Math.abs(count - expected)).isLessThan(5 * Math.sqrt(expected));
    }
  }

  @Test
  void singleKey_alwaysRankZero() {
    ZipfKeys keys = new ZipfKeys(new RandomStreams(1, 0).stream("w", "keys"), 1, 0.99);
    for (int i = 0; i < 100; i++) {
      assertThat(keys.next()).isZero();
    }
    assertThat(keys.keys()).isEqualTo(1);
    assertThat(keys.exponent()).isEqualTo(0.99);
  }

  @Test
  void largeKeySpace_staysInRange() {
    ZipfKeys keys = new ZipfKeys(new RandomStreams(1, 0).stream("w", "keys"), 10_000_000, 0.99);
    for (int i = 0; i < 10_000; i++) {
      assertThat(keys.next()).isBetween(0, 9_999_999);
    }
  }

  @Test
  void badParameters_throw() {
    var rng = new RandomStreams(1, 0).stream("w", "keys");
    assertThatThrownBy(() -> new ZipfKeys(rng, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ZipfKeys(rng, 10, -0.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ZipfKeys(rng, 10, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
