package dev.cascade.model.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class XFetchTest {

  @Test
  void probability_pinnedToThePaper_delta400msBeta1() {
    // P(recompute x before expiry) = exp(-x / (delta beta)).
    assertThat(XFetch.probability(2.0, 0.4, 1)).isCloseTo(0.0067, within(0.0001));
    assertThat(XFetch.probability(0.4, 0.4, 1)).isCloseTo(0.368, within(0.001));
    assertThat(XFetch.probability(0.1, 0.4, 1)).isCloseTo(0.779, within(0.001));
  }

  @Test
  void recompute_drawsMatchTheProbability() {
    Random rng = new Random(5);
    int n = 200_000;
    int early = 0;
    for (int i = 0; i < n; i++) {
      if (XFetch.recompute(98.0, 98.4, 0.4, 1, 1 - rng.nextDouble())) {
        early++;
      }
    }
    // 0.4 s before expiry: 36.8% +- 3 standard errors.
    assertThat(early / (double) n)
        .isCloseTo(Math.exp(-1), within(3 * Math.sqrt(0.368 * 0.632 / n)));
  }

  @Test
  void noTtl_neverRecomputes_pastExpiry_always() {
    assertThat(XFetch.recompute(10, Double.POSITIVE_INFINITY, 1, 1, 0.001)).isFalse();
    assertThat(XFetch.recompute(10, 9, 0.1, 1, 0.999)).isTrue();
  }
}
