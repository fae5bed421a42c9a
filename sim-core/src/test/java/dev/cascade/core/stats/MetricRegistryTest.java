package dev.cascade.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.cascade.core.result.EventLog;
import dev.cascade.core.result.RunResult;
import dev.cascade.core.result.WindowStats;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricRegistryTest {

  private static final double EPS = 1e-12;

  private static MetricRegistry registry(double sample, double horizon, Window... windows) {
    return new MetricRegistry(sample, horizon, List.of(windows));
  }

  private static RunResult finish(MetricRegistry r) {
    r.finish(r.horizonSeconds());
    return r.result(new EventLog(), 0);
  }

  @Test
  void grid_horizonNotMultipleOfSample_lastIntervalCutAtHorizon() {
    MetricRegistry r = registry(1, 2.5, new Window("all", 0, 2.5));
    Counter c = r.counter();
    r.rate("x.rps", c);
    r.closeUpTo(2.0);
    c.add(2);
    RunResult result = finish(r);

    assertThat(result.intervalEnds()).containsExactly(1.0, 2.0, 2.5);
    assertThat(result.series("x.rps")).containsExactly(0.0, 0.0, 4.0);
    assertThat(result.stats("x.rps", "all").value()).isCloseTo(2 / 2.5, within(EPS));
  }

  @Test
  void grid_sampleDividesHorizonUpToRounding_noSliverInterval() {
    assertThat(registry(0.1, 0.3).intervalCount()).isEqualTo(3);
    assertThat(registry(0.1, 0.7).intervalCount()).isEqualTo(7);
    assertThat(registry(1, 1800).intervalCount()).isEqualTo(1800);
    assertThat(registry(1, 0.5).intervalCount()).isEqualTo(1);
  }

  @Test
  void rate_countsPerInterval_dividedByLength_windowIsTotalOverDuration() {
    MetricRegistry r = registry(1, 3, new Window("all", 0, 3));
    Counter c = r.counter();
    r.rate("app.rps", c);
    c.add(5);
    r.closeInterval(1.0);
    for (int i = 0; i < 10; i++) {
      c.inc();
    }
    r.closeInterval(2.0);
    RunResult result = finish(r);

    assertThat(result.series("app.rps")).containsExactly(5.0, 10.0, 0.0);
    WindowStats all = result.stats("app.rps", "all");
    assertThat(all.value()).isCloseTo(5.0, within(EPS));
    assertThat(all.mean()).isCloseTo(5.0, within(EPS));
    assertThat(all.max()).isEqualTo(10.0);
    assertThat(all.min()).isEqualTo(0.0);
    assertThat(all.fin()).isEqualTo(0.0);
  }

  @Test
  void rate_subSecondSample_scalesToPerSecond() {
    MetricRegistry r = registry(0.25, 1, new Window("all", 0, 1));
    Counter c = r.counter();
    r.rate("x.rps", c);
    c.add(3);
    RunResult result = finish(r);

    assertThat(result.series("x.rps")).containsExactly(12.0, 0.0, 0.0, 0.0);
    assertThat(result.stats("x.rps", "all").value()).isCloseTo(3.0, within(EPS));
  }

  @Test
  void ratio_windowValue_isRatioOfSums_notAverageOfIntervalRatios() {
    MetricRegistry r = registry(1, 3, new Window("all", 0, 3));
    Counter errors = r.counter();
    Counter attempts = r.counter();
    r.ratio("web.error_rate", errors, attempts);
    errors.add(1);
    attempts.add(2);
    r.closeInterval(1);
    attempts.add(98);
    r.closeInterval(2);
    RunResult result = finish(r);

    assertThat(result.series("web.error_rate")[0]).isEqualTo(0.5);
    assertThat(result.series("web.error_rate")[1]).isEqualTo(0.0);
    assertThat(result.series("web.error_rate")[2]).isNaN();
    WindowStats all = result.stats("web.error_rate", "all");
    assertThat(all.value()).isCloseTo(0.01, within(EPS));
    assertThat(all.mean()).isCloseTo(0.01, within(EPS));
    assertThat(all.max()).isEqualTo(0.5);
    assertThat(all.min()).isEqualTo(0.0);
    assertThat(all.fin()).isNaN();
  }

  @Test
  void counter_sharedByRateAndRatio_eachMetricSeesEveryCount() {
    MetricRegistry r = registry(1, 1, new Window("all", 0, 1));
    Counter ok = r.counter();
    Counter offered = r.counter();
    r.rate("w.offered_rps", offered);
    r.rate("w.ok_rps", ok);
    r.ratio("w.ok_ratio", ok, offered);
    offered.add(4);
    ok.add(3);
    RunResult result = finish(r);

    assertThat(result.series("w.offered_rps")).containsExactly(4.0);
    assertThat(result.series("w.ok_ratio")).containsExactly(0.75);
  }

  @Test
  void counter_negativeAdd_rejected() {
    Counter c = registry(1, 1).counter();
    assertThatThrownBy(() -> c.add(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void level_zeroHalfThenFourHalf_intervalMeanIsTwo() {
    MetricRegistry r = registry(1, 3, new Window("all", 0, 3));
    Level q = r.level("app.queue_len");
    q.set(0.0, 0);
    q.set(0.5, 4);
    r.closeInterval(1.0);
    r.closeUpTo(2.0);
    q.add(2.25, -4);
    RunResult result = finish(r);

    assertThat(result.series("app.queue_len")).containsExactly(2.0, 4.0, 1.0);
    WindowStats all = result.stats("app.queue_len", "all");
    assertThat(all.mean()).isCloseTo(7.0 / 3, within(EPS));
    assertThat(all.value()).isCloseTo(7.0 / 3, within(EPS));
    assertThat(all.max()).isEqualTo(4.0);
    assertThat(all.min()).isEqualTo(1.0);
    assertThat(all.fin()).isEqualTo(1.0);
    assertThat(q.value()).isEqualTo(0.0);
  }

  @Test
  void level_windowMean_weightsShortLastIntervalByItsLength() {
    MetricRegistry r = registry(1, 1.5, new Window("all", 0, 1.5));
    Level l = r.level("x.busy");
    r.closeUpTo(1.0);
    l.set(1.0, 3);
    RunResult result = finish(r);

    assertThat(result.series("x.busy")).containsExactly(0.0, 3.0);
    assertThat(result.stats("x.busy", "all").mean()).isCloseTo(1.5 / 1.5, within(EPS));
  }

  @Test
  void level_updateBackInTime_rejected() {
    Level l = registry(1, 10).level("x.q");
    l.set(2.0, 1);
    assertThatThrownBy(() -> l.set(1.0, 2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> l.add(Double.NaN, 2)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void level_updatedPastUnclosedInterval_closeFailsLoudly() {
    MetricRegistry r = registry(1, 10);
    Level l = r.level("x.q");
    l.set(2.5, 1);
    assertThatThrownBy(() -> r.closeUpTo(2.5)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void severalIntervalsWithoutEvents_closeUpTo_closesEachAtItsOwnEnd() {
    MetricRegistry r = registry(1, 6, new Window("all", 0, 6));
    Counter c = r.counter();
    r.rate("x.rps", c);
    Level l = r.level("x.q");
    List<Double> hookTimes = new ArrayList<>();
    r.onIntervalEnd(() -> hookTimes.add(r.nextIntervalEnd()));
    c.add(10);
    l.set(0.5, 3);

    assertThat(r.closeUpTo(5.0)).isEqualTo(5);
    assertThat(r.closedIntervals()).isEqualTo(5);
    assertThat(r.closeUpTo(5.0)).isZero();
    RunResult result = finish(r);

    assertThat(hookTimes).containsExactly(1.0, 2.0, 3.0, 4.0, 5.0, 6.0);
    assertThat(result.series("x.rps")).containsExactly(10.0, 0, 0, 0, 0, 0);
    assertThat(result.series("x.q")).containsExactly(1.5, 3, 3, 3, 3, 3);
  }

  @Test
  void closeUpTo_timeSummedWithRoundingError_stillClosesBoundary() {
    MetricRegistry r = registry(0.1, 2);
    double t = 0;
    for (int i = 0; i < 10; i++) {
      t += 0.1;
    }
    assertThat(t).isLessThan(1.0);
    assertThat(r.closeUpTo(t)).isEqualTo(10);
  }

  @Test
  void closeInterval_beforeItsEnd_rejected() {
    MetricRegistry r = registry(1, 2);
    assertThatThrownBy(() -> r.closeInterval(0.5)).isInstanceOf(IllegalArgumentException.class);
    r.closeInterval(1.0);
    r.closeInterval(7.0);
    assertThatThrownBy(() -> r.closeInterval(8.0)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void windows_intervalsBelongByMidpoint() {
    MetricRegistry r =
        registry(
            1,
            6,
            new Window("all", 0, 6),
            new Window("before", 0, 2),
            new Window("during", 2, 4),
            new Window("outage", 2, 4),
            new Window("after", 4, 6),
            new Window("odd", 1.4, 3.6),
            new Window("sliver", 0.6, 0.9));
    Level l = r.level("x.v");
    for (int k = 0; k < 6; k++) {
      l.set(k, k + 1);
      r.closeUpTo(k + 1);
    }
    RunResult result = finish(r);

    assertThat(result.stats("x.v", "all").mean()).isCloseTo(3.5, within(EPS));
    assertThat(result.stats("x.v", "before").mean()).isCloseTo(1.5, within(EPS));
    assertThat(result.stats("x.v", "during").mean()).isCloseTo(3.5, within(EPS));
    assertThat(result.stats("x.v", "outage")).isEqualTo(result.stats("x.v", "during"));
    assertThat(result.stats("x.v", "after").fin()).isEqualTo(6.0);
    WindowStats odd = result.stats("x.v", "odd");
    assertThat(odd.min()).isEqualTo(2.0);
    assertThat(odd.max()).isEqualTo(4.0);
    assertThat(odd.fin()).isEqualTo(4.0);
    WindowStats sliver = result.stats("x.v", "sliver");
    for (String stat : WindowStats.NAMES) {
      assertThat(sliver.get(stat)).as(stat).isNaN();
    }
    assertThat(result.stats().get("x.v").keySet())
        .containsExactly("all", "before", "during", "outage", "after", "odd", "sliver");
  }

  @Test
  void gauge_sampledAtIntervalEnd_afterHooks() {
    MetricRegistry r = registry(1, 3, new Window("all", 0, 3));
    double[] state = {0};
    r.onIntervalEnd(() -> state[0] += 2);
    r.gauge("redis.keys", () -> state[0]);
    RunResult result = finish(r);

    assertThat(result.series("redis.keys")).containsExactly(2.0, 4.0, 6.0);
    WindowStats all = result.stats("redis.keys", "all");
    assertThat(all.mean()).isEqualTo(4.0);
    assertThat(all.value()).isEqualTo(4.0);
  }

  @Test
  void derived_readsClosedLevelsAndLatestValuesOfTheSameInterval() {
    MetricRegistry r = registry(1, 2, new Window("all", 0, 2));
    Level node1 = r.levelUnnamed();
    Level node2 = r.levelUnnamed();
    r.derived(
        "db.utilization_max",
        (start, end) -> Math.max(node1.intervalMean(), node2.intervalMean()) / 10);
    Counter c = r.counter();
    r.rate("db.load_rps", c);
    var load = r.latest("db.load_rps");
    r.derived("db.load_doubled", (start, end) -> 2 * load.getAsDouble());
    node1.set(0, 4);
    node2.set(0.5, 10);
    c.add(7);
    RunResult result = finish(r);

    assertThat(result.series("db.utilization_max")).containsExactly(0.5, 1.0);
    assertThat(result.series("db.load_doubled")).containsExactly(14.0, 0.0);
    assertThat(result.metrics())
        .containsExactly("db.load_doubled", "db.load_rps", "db.utilization_max");
    assertThat(load.getAsDouble()).isEqualTo(0.0);
  }

  @Test
  void latest_unknownMetric_rejected() {
    assertThatThrownBy(() -> registry(1, 1).latest("nope"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void duplicateNames_rejected() {
    MetricRegistry r = registry(1, 1);
    r.level("a.q");
    assertThatThrownBy(() -> r.rate("a.q", r.counter()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a.q");
    r.gauge("a.latency_p99", () -> 1);
    assertThatThrownBy(() -> r.latency("a.latency"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a.latency_p99");
    assertThat(r.metricNames()).containsExactly("a.latency_p99", "a.q");
    assertThatThrownBy(
            () -> new MetricRegistry(1, 1, List.of(new Window("w", 0, 1), new Window("w", 0, 1))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void finish_freezesRegistry_andResultNeedsFinish() {
    MetricRegistry r = registry(1, 2);
    Counter c = r.counter();
    r.rate("x.rps", c);
    assertThatThrownBy(() -> r.result(new EventLog(), 0)).isInstanceOf(IllegalStateException.class);
    r.finish(1.3);
    assertThat(r.isFinished()).isTrue();
    assertThat(r.closedIntervals()).isEqualTo(2);
    assertThat(r.nextIntervalEnd()).isInfinite();
    assertThatThrownBy(() -> r.level("y")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> r.closeUpTo(5)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> r.finish(2)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void result_carriesSeriesSortedEventsAndCount() {
    MetricRegistry r = registry(1, 2, new Window("all", 0, 2));
    r.level("b.q");
    r.level("a.q");
    r.finish(2);
    EventLog log = new EventLog();
    log.record(1.5, "redis", "crashed", "fault injected");
    RunResult result = r.result(log, 42);

    assertThat(result.series().keySet()).containsExactly("a.q", "b.q");
    assertThat(result.stats().keySet()).containsExactly("a.q", "b.q");
    assertThat(result.events()).hasSize(1);
    assertThat(result.eventsProcessed()).isEqualTo(42);
    assertThat(result.sampleSeconds()).isEqualTo(1.0);
    assertThat(result.windows()).containsExactly(new Window("all", 0, 2));
  }

  @Test
  void metricRegisteredLate_earlierIntervalsAreNaN() {
    MetricRegistry r = registry(1, 3, new Window("all", 0, 3));
    r.closeUpTo(1);
    Counter c = r.counter();
    r.rate("late.rps", c);
    c.add(2);
    RunResult result = finish(r);

    assertThat(result.series("late.rps")[0]).isNaN();
    assertThat(result.stats("late.rps", "all").value()).isCloseTo(1.0, within(EPS));
    assertThat(result.stats("late.rps", "all").min()).isEqualTo(0.0);
  }
}
