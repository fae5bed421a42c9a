package dev.cascade.scenario.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cascade.core.result.RunResult;
import dev.cascade.core.result.Summary;
import dev.cascade.core.result.WindowStats;
import dev.cascade.core.stats.Window;
import dev.cascade.scenario.spec.CheckSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckEvaluatorTest {

  /** A run whose metric {@code name} has {@code value} for every statistic over window all. */
  private static RunResult run(String name, double value) {
    WindowStats s = new WindowStats(value, value, value, value, value);
    return new RunResult(
        10,
        new double[] {10},
        Map.of(name, new double[] {value}),
        Map.of(name, Map.of("all", s)),
        List.of(new Window("all", 0, 10)),
        List.of(),
        1);
  }

  /** Replications with the given values of {@code x.m}: mean 2, ci95 about 2.48 for 1, 2, 3. */
  private static Summary summary(String name, double... values) {
    return Summary.of(Arrays.stream(values).mapToObj(v -> run(name, v)).toList());
  }

  private static CheckSpec max(String metric, double bound) {
    return new CheckSpec(metric, "all", "mean", Double.NaN, bound, "max " + bound, null);
  }

  private static CheckSpec min(String metric, double bound) {
    return new CheckSpec(metric, "all", "mean", bound, Double.NaN, "min " + bound, null);
  }

  @Test
  void meanWellBelowMax_passesClearly() {
    CheckResult r = CheckEvaluator.evaluate(max("x.m", 5), summary("x.m", 1, 2, 3), 1);
    assertThat(r.value()).isEqualTo(2.0);
    assertThat(r.ci95()).isCloseTo(2.484, within(0.001));
    assertThat(r.passed()).isTrue();
    assertThat(r.marginal()).isFalse();
  }

  @Test
  void meanAboveMaxWithBoundInInterval_failsMarginally() {
    CheckResult r = CheckEvaluator.evaluate(max("x.m", 1), summary("x.m", 1, 2, 3), 1);
    assertThat(r.passed()).isFalse();
    assertThat(r.marginal()).isTrue();
  }

  @Test
  void meanBelowMaxWithBoundInInterval_passesMarginally() {
    CheckResult r = CheckEvaluator.evaluate(max("x.m", 3), summary("x.m", 1, 2, 3), 1);
    assertThat(r.passed()).isTrue();
    assertThat(r.marginal()).isTrue();
  }

  @Test
  void meanFarAboveMax_failsClearly() {
    CheckResult r = CheckEvaluator.evaluate(max("x.m", -1), summary("x.m", 1, 2, 3), 1);
    assertThat(r.passed()).isFalse();
    assertThat(r.marginal()).isFalse();
  }

  @Test
  void boundEqualToMean_passes() {
    assertThat(CheckEvaluator.evaluate(max("x.m", 2), summary("x.m", 2, 2), 1).passed()).isTrue();
    assertThat(CheckEvaluator.evaluate(min("x.m", 2), summary("x.m", 2, 2), 1).passed()).isTrue();
  }

  @Test
  void minBound_comparesFromBelow() {
    assertThat(CheckEvaluator.evaluate(min("x.m", 1.5), summary("x.m", 1, 2, 3), 1))
        .extracting(CheckResult::passed, CheckResult::marginal)
        .containsExactly(true, true);
    assertThat(CheckEvaluator.evaluate(min("x.m", 10), summary("x.m", 1, 2, 3), 1))
        .extracting(CheckResult::passed, CheckResult::marginal)
        .containsExactly(false, false);
  }

  @Test
  void oneReplication_isNeverMarginal() {
    CheckResult r = CheckEvaluator.evaluate(max("x.m", 2), summary("x.m", 2), 1);
    assertThat(r.ci95()).isZero();
    assertThat(r.marginal()).isFalse();
  }

  @Test
  void metricWithoutData_fails() {
    CheckResult r = CheckEvaluator.evaluate(max("y.m", 5), summary("x.m", 1, 2, 3), 1);
    assertThat(r.value()).isNaN();
    assertThat(r.passed()).isFalse();
    assertThat(r.marginal()).isFalse();
  }

  @Test
  void boundOnRates_isScaledLikeTheSimulatedRates() {
    Summary s = summary("web.ok_rps", 100, 100);
    assertThat(CheckEvaluator.evaluate(max("web.ok_rps", 1000), s, 1.0 / 16).passed()).isFalse();
    assertThat(CheckEvaluator.evaluate(max("web.ok_rps", 1600), s, 1.0 / 16).passed()).isTrue();
    assertThat(
            CheckEvaluator.evaluate(
                    max("web.error_rate", 1000), summary("web.error_rate", 100), 1.0 / 16)
                .passed())
        .isTrue();
  }
}
