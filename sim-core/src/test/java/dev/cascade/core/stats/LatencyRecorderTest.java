package dev.cascade.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.cascade.core.result.EventLog;
import dev.cascade.core.result.RunResult;
import dev.cascade.core.result.WindowStats;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencyRecorderTest {

  private static final double EPS = 1e-9;

  private static RunResult fastThenSlow(MetricRegistry r, LatencyRecorder latency) {
    for (int i = 0; i < 1000; i++) {
      latency.record(0.001);
    }
    r.closeInterval(1);
    for (int i = 0; i < 10; i++) {
      latency.record(0.002);
    }
    r.finish(2);
    return r.result(new EventLog(), 0);
  }

  @Test
  void windowPercentile_fromMergedHistogram_notAverageOfIntervalPercentiles() {
    MetricRegistry r = new MetricRegistry(1, 2, List.of(new Window("all", 0, 2)));
    RunResult result = fastThenSlow(r, r.latency("redirects.latency"));

    // 1000 fast calls then 10 slow ones: the interval p99s are 1 ms and 2 ms, but 99% of the
    // window's calls took 1 ms.
    assertThat(result.series("redirects.latency_p99")).containsExactly(1.0, 2.0);
    WindowStats p99 = result.stats("redirects.latency_p99", "all");
    assertThat(p99.mean()).isCloseTo(1.5, within(EPS));
    Histogram reference = new Histogram(LatencyRecorder.SIGNIFICANT_DIGITS);
    reference.recordValueWithCount(1_000, 1000);
    reference.recordValueWithCount(2_000, 10);
    assertThat(p99.value()).isEqualTo(reference.getValueAtPercentile(99) / 1000.0);
    assertThat(p99.value()).isEqualTo(1.0);
    assertThat(p99.max()).isEqualTo(2.0);
    assertThat(p99.fin()).isEqualTo(2.0);
  }

  @Test
  void windowMean_isCountWeighted_andMaxIsExact() {
    MetricRegistry r = new MetricRegistry(1, 2, List.of(new Window("all", 0, 2)));
    RunResult result = fastThenSlow(r, r.latency("w.latency"));

    WindowStats mean = result.stats("w.latency_mean", "all");
    assertThat(mean.value()).isCloseTo(1020.0 / 1010, within(EPS));
    assertThat(mean.mean()).isCloseTo(1020.0 / 1010, within(EPS));
    assertThat(mean.max()).isCloseTo(2.0, within(EPS));
    WindowStats max = result.stats("w.latency_max", "all");
    assertThat(max.value()).isCloseTo(2.0, within(EPS));
    assertThat(max.mean()).isCloseTo(1.5, within(EPS));
  }

  @Test
  void windowPercentile_matchesHdrHistogramOfTheWindowsValuesOnly() {
    MetricRegistry r =
        new MetricRegistry(1, 20, List.of(new Window("all", 0, 20), new Window("late", 10, 20)));
    LatencyRecorder latency = r.latency("db.latency");
    Histogram all = new Histogram(LatencyRecorder.SIGNIFICANT_DIGITS);
    Histogram late = new Histogram(LatencyRecorder.SIGNIFICANT_DIGITS);
    SplittableRandom random = new SplittableRandom(7);
    for (int k = 0; k < 20; k++) {
      int n = random.nextInt(0, 500);
      for (int i = 0; i < n; i++) {
        double seconds = 0.002 * Math.exp(random.nextGaussian() * (k < 10 ? 0.3 : 1.2));
        latency.record(seconds);
        long micros = Math.round(seconds * 1e6);
        all.recordValue(micros);
        if (k >= 10) {
          late.recordValue(micros);
        }
      }
      r.closeUpTo(k + 1);
    }
    r.finish(20);
    RunResult result = r.result(new EventLog(), 0);

    for (String suffix : List.of("_p50", "_p90", "_p99", "_p999")) {
      double p = LatencyStat.ofSuffix(suffix).percentile();
      assertThat(result.stats("db.latency" + suffix, "all").value())
          .as(suffix)
          .isEqualTo(all.getValueAtPercentile(p) / 1000.0);
      assertThat(result.stats("db.latency" + suffix, "late").value())
          .as(suffix)
          .isEqualTo(late.getValueAtPercentile(p) / 1000.0);
    }
  }

  @Test
  void intervalWithoutSamples_isNaN_andSkippedByWindowStats() {
    MetricRegistry r = new MetricRegistry(1, 3, List.of(new Window("all", 0, 3)));
    LatencyRecorder latency = r.latency("x.latency", "_p99", "_mean");
    latency.record(0.004);
    r.finish(3);
    RunResult result = r.result(new EventLog(), 0);

    double[] p99 = result.series("x.latency_p99");
    assertThat(p99[0]).isCloseTo(4.0, within(0.01));
    assertThat(p99[1]).isNaN();
    assertThat(p99[2]).isNaN();
    WindowStats stats = result.stats("x.latency_p99", "all");
    assertThat(stats.mean()).isEqualTo(p99[0]);
    assertThat(stats.fin()).isNaN();
    assertThat(result.metrics()).containsExactly("x.latency_mean", "x.latency_p99");
  }

  @Test
  void suffixes_unknownOrEmptyOrDuplicate_rejected() {
    MetricRegistry r = new MetricRegistry(1, 1, List.of());
    assertThatThrownBy(() -> r.latency("a.latency", "_p95"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("_p999");
    assertThatThrownBy(() -> r.latency("a.latency", new String[0]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> r.latency("a.latency", "_p99", "_p99"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(r.metricNames()).isEmpty();
  }

  @Test
  void record_negativeOrNaN_rejected() {
    LatencyRecorder latency = new MetricRegistry(1, 1, List.of()).latency("a.latency");
    assertThatThrownBy(() -> latency.record(-0.001)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> latency.record(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void manyIntervals_histogramCountStaysBounded() {
    List<Window> windows =
        List.of(new Window("all", 0, 10_000), new Window("during", 2_000, 4_000));
    MetricRegistry r = new MetricRegistry(1, 10_000, windows);
    LatencyRecorder latency = r.latency("w.latency");
    int histograms = latency.histogramCount();
    SplittableRandom random = new SplittableRandom(1);
    for (int k = 0; k < 10_000; k++) {
      for (int i = 0; i < 20; i++) {
        latency.record(random.nextDouble() * 0.05);
      }
      r.closeUpTo(k + 1);
      assertThat(latency.histogramCount()).isEqualTo(histograms);
    }
    assertThat(histograms).isEqualTo(1 + windows.size());
    r.finish(10_000);
    RunResult result = r.result(new EventLog(), 0);
    assertThat(result.stats("w.latency_p50", "all").value()).isCloseTo(25.0, within(0.5));
  }

  @Test
  void hotPath_recordIncSet_allocatesNothing() {
    MetricRegistry r = new MetricRegistry(1, 100, List.of(new Window("all", 0, 100)));
    LatencyRecorder latency = r.latency("w.latency");
    Counter c = r.counter();
    r.rate("w.rps", c);
    Level q = r.level("w.q");
    hotLoop(latency, c, q, 0.0, 200_000);
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    hotLoop(latency, c, q, 0.5, 1_000_000);
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;

    assertThat(allocated).isLessThan(64 * 1024);
    assertThat(c.count()).isEqualTo(1_200_000);
  }

  private static void hotLoop(LatencyRecorder latency, Counter c, Level q, double t0, int n) {
    double dt = 0.4 / n;
    for (int i = 0; i < n; i++) {
      latency.record((i % 1000) * 1e-4 + 1e-6);
      c.inc();
      q.set(t0 + i * dt, i % 7);
    }
  }
}
