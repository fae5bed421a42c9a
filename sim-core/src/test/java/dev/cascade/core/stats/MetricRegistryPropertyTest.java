package dev.cascade.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cascade.core.result.EventLog;
import dev.cascade.core.result.RunResult;
import dev.cascade.core.result.WindowStats;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.HdrHistogram.Histogram;

class MetricRegistryPropertyTest {

  @Property(tries = 200)
  void rateAndRatio_windowValues_equalSummedCounts(
      @ForAll @Size(min = 1, max = 40) List<@IntRange(min = 0, max = 1000) Integer> counts,
      @ForAll @IntRange(min = 0, max = 40) int from,
      @ForAll @IntRange(min = 0, max = 40) int length,
      @ForAll @DoubleRange(min = 0.05, max = 5) double sample) {
    int n = counts.size();
    double horizon = n * sample;
    int lo = Math.min(from, n);
    int hi = Math.min(from + length, n);
    Window window = new Window("w", lo * sample, hi * sample);
    MetricRegistry r = new MetricRegistry(sample, horizon, List.of(window));
    Counter hits = r.counter();
    Counter all = r.counter();
    r.rate("x.rps", hits);
    r.ratio("x.hit_ratio", hits, all);
    long hitSum = 0;
    long allSum = 0;
    int inWindow = 0;
    for (int k = 0; k < n; k++) {
      hits.add(counts.get(k));
      all.add(counts.get(k) + k);
      if (k >= lo && k < hi) {
        hitSum += counts.get(k);
        allSum += counts.get(k) + k;
        inWindow++;
      }
      r.closeUpTo((k + 1) * sample);
    }
    r.finish(horizon);
    RunResult result = r.result(new EventLog(), 0);

    WindowStats rate = result.stats("x.rps", "w");
    WindowStats ratio = result.stats("x.hit_ratio", "w");
    if (inWindow == 0) {
      assertThat(rate.value()).isNaN();
      return;
    }
    assertThat(r.intervalCount()).isEqualTo(n);
    assertThat(rate.value()).isCloseTo(hitSum / (inWindow * sample), within(1e-6 * (1 + hitSum)));
    if (allSum == 0) {
      assertThat(ratio.value()).isNaN();
    } else {
      assertThat(ratio.value()).isCloseTo((double) hitSum / allSum, within(1e-12));
    }
  }

  @Property(tries = 100)
  void latencyWindowPercentile_equalsHistogramOfWindowValues(
      @ForAll @Size(min = 1, max = 12)
          List<@Size(max = 50) List<@DoubleRange(min = 0, max = 30) Double>> intervals,
      @ForAll @IntRange(min = 0, max = 12) int from,
      @ForAll @DoubleRange(min = 0, max = 100) double percentile) {
    int n = intervals.size();
    int lo = Math.min(from, n);
    MetricRegistry r = new MetricRegistry(1, n, List.of(new Window("w", lo, n)));
    LatencyRecorder latency = r.latency("x.latency");
    Histogram reference = new Histogram(LatencyRecorder.SIGNIFICANT_DIGITS);
    for (int k = 0; k < n; k++) {
      for (double seconds : intervals.get(k)) {
        latency.record(seconds);
        if (k >= lo) {
          reference.recordValue(Math.round(seconds * 1e6));
        }
      }
      r.closeUpTo(k + 1);
    }
    r.finish(n);
    RecorderProbe probe = new RecorderProbe(latency);

    if (reference.getTotalCount() == 0) {
      assertThat(probe.windowValue(percentile)).isNaN();
    } else {
      assertThat(probe.windowValue(percentile))
          .isEqualTo(reference.getValueAtPercentile(percentile) / 1000.0);
    }
  }

  /** Reads an arbitrary percentile of span 0 through the recorder's window histogram. */
  private record RecorderProbe(LatencyRecorder recorder) {
    double windowValue(double percentile) {
      return recorder.windowPercentile(0, percentile);
    }
  }
}
