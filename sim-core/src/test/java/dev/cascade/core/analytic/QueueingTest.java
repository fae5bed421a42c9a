package dev.cascade.core.analytic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class QueueingTest {
  private static final double EPS = 1e-12;

  @Test
  void mm1_meanSojournAndWait_matchFormulas() {
    // lambda 8/s, mu 10/s: W = 1/(10-8) = 0.5 s, Wq = 0.8 * 0.5 = 0.4 s
    assertThat(Queueing.mm1MeanSojourn(8, 10)).isCloseTo(0.5, within(EPS));
    assertThat(Queueing.mm1MeanWait(8, 10)).isCloseTo(0.4, within(EPS));
  }

  @Test
  void mm1_sojournQuantile_isExponentialQuantile() {
    // P(T > t) = exp(-(mu - lambda) t), so the median is ln 2 / (mu - lambda)
    assertThat(Queueing.mm1SojournQuantile(8, 10, 0.5)).isCloseTo(Math.log(2) / 2, within(EPS));
    assertThat(Queueing.mm1SojournQuantile(8, 10, 0.99)).isCloseTo(Math.log(100) / 2, within(EPS));
    assertThat(Queueing.mm1SojournQuantile(8, 10, 0)).isZero();
  }

  @Test
  void erlangC_twoServersLoadOne_isOneThird() {
    assertThat(Queueing.erlangC(2, 1, 1)).isCloseTo(1.0 / 3, within(EPS));
  }

  @Test
  void erlangC_tenServersEightErlang_isTextbookValue() {
    assertThat(Queueing.erlangC(10, 8, 1)).isCloseTo(0.4092, within(5e-5));
  }

  @Test
  void erlangC_oneServer_isUtilization() {
    assertThat(Queueing.erlangC(1, 0.7, 1)).isCloseTo(0.7, within(EPS));
  }

  @Test
  void erlangC_thousandsOfServers_isFiniteProbability() {
    double c = Queueing.erlangC(5000, 4900, 1);
    assertThat(c).isBetween(0.0, 1.0).isCloseTo(0.09994, within(5e-5));
    assertThat(Queueing.erlangC(5000, 4000, 1)).isBetween(0.0, 1e-12);
  }

  @Test
  void erlangC_matchesFactorialFormula() {
    int c = 10;
    double load = 8;
    double sum = 0;
    double term = 1;
    for (int k = 0; k < c; k++) {
      sum += term;
      term *= load / (k + 1);
    }
    double last = term * c / (c - load);
    assertThat(Queueing.erlangC(c, load, 1)).isCloseTo(last / (sum + last), within(EPS));
  }

  @Test
  void mmc_waitAndSojourn_matchFormulas() {
    double c = Queueing.erlangC(2, 1, 1);
    assertThat(Queueing.mmcMeanWait(2, 1, 1)).isCloseTo(c / (2 - 1), within(EPS));
    assertThat(Queueing.mmcMeanSojourn(2, 1, 1)).isCloseTo(1.0 / 3 + 1, within(EPS));
    // one server reduces to M/M/1
    assertThat(Queueing.mmcMeanWait(1, 8, 10)).isCloseTo(Queueing.mm1MeanWait(8, 10), within(EPS));
  }

  @Test
  void mmc_waitQuantile_isZeroBelowNoWaitMassThenExponential() {
    // C = 1/3: two thirds of arrivals do not wait
    assertThat(Queueing.mmcWaitQuantile(2, 1, 1, 0.5)).isZero();
    assertThat(Queueing.mmcWaitQuantile(2, 1, 1, 0.99))
        .isCloseTo(Math.log((1.0 / 3) / 0.01) / (2 - 1), within(EPS));
  }

  @Test
  void md1_meanWait_isHalfOfMm1() {
    assertThat(Queueing.md1MeanWait(8, 10)).isCloseTo(0.8 / (2 * 10 * 0.2), within(EPS));
    assertThat(Queueing.md1MeanWait(8, 10)).isCloseTo(Queueing.mm1MeanWait(8, 10) / 2, within(EPS));
  }

  @Test
  void mg1_exponentialService_equalsMm1() {
    assertThat(Queueing.mg1MeanWait(8, 10, 1)).isCloseTo(Queueing.mm1MeanWait(8, 10), within(EPS));
    assertThat(Queueing.mg1MeanWait(8, 10, 3))
        .isCloseTo(2 * Queueing.mm1MeanWait(8, 10), within(EPS));
  }

  @Test
  void littlesLaw_isProduct() {
    assertThat(Queueing.meanInSystem(8, Queueing.mm1MeanSojourn(8, 10))).isCloseTo(4, within(EPS));
  }

  @Test
  void unstableOrInvalidInputs_throw() {
    assertThatThrownBy(() -> Queueing.mm1MeanSojourn(10, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unstable");
    assertThatThrownBy(() -> Queueing.erlangC(2, 2, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Queueing.md1MeanWait(11, 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Queueing.mm1MeanWait(-1, 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Queueing.erlangC(0, 1, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Queueing.mm1SojournQuantile(1, 2, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Queueing.mg1MeanWait(1, 2, -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Queueing.meanInSystem(Double.NaN, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
