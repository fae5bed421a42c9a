package dev.cascade.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.core.stats.Window;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class KeyMetricsTest {

  @Test
  void headlineStat_byMetricKind() {
    assertThat(KeyMetrics.headlineStat("redirects.latency_p99")).isEqualTo("value");
    assertThat(KeyMetrics.headlineStat("gateway.rate_503")).isEqualTo("value");
    assertThat(KeyMetrics.headlineStat("redis.hit_ratio")).isEqualTo("value");
    assertThat(KeyMetrics.headlineStat("db.utilization_max")).isEqualTo("max");
    assertThat(KeyMetrics.headlineStat("redirects.latency_max")).isEqualTo("max");
    assertThat(KeyMetrics.headlineStat("db.utilization")).isEqualTo("mean");
    assertThat(KeyMetrics.headlineStat("db.load_rps")).isEqualTo("mean");
    assertThat(KeyMetrics.headlineStat("emails.jobs_lost")).isEqualTo("final");
  }

  @Test
  void checksAndComponents_of_checkedFirstThenByComponentSkippingZeros() {
    Map<String, double[]> series = new TreeMap<>();
    series.put("web.latency_p99", Synthetic.step(5, 500));
    series.put("web.offered_rps", Synthetic.step(100, 100));
    series.put("web.ok_rps", Synthetic.step(100, 50));
    series.put("web.rate_503", Synthetic.step(0, 0.5));
    series.put("web.error_rate", Synthetic.step(0, 0));
    series.put("web.timeout_rate", Synthetic.step(0, 0));
    series.put("db.utilization_max", Synthetic.step(0.2, 1));
    series.put("db.load_rps", Synthetic.step(10, 20));
    ReportData data =
        ReportData.builder("s")
            .variant("v", Synthetic.tiny(series, List.of()))
            .check(new CheckRow("v", "db.load_rps", "all", "mean", "max 1", 1, 0, true, false))
            .check(new CheckRow("v", "nope.metric", "all", "mean", "max 1", 1, 0, true, false))
            .build();
    assertThat(KeyMetrics.of(data))
        .containsExactly(
            "db.load_rps", "web.latency_p99", "web.ok_rps", "web.rate_503", "db.utilization_max");
  }

  @Test
  void windows_primaryWindow_prefersDuringThenOutageThenAll() {
    Window during = new Window("during", 1, 2);
    Window outage = new Window("outage", 1, 2);
    Window all = new Window("all", 0, 3);
    assertThat(KeyMetrics.primaryWindow(List.of(all, outage, during))).isEqualTo(during);
    assertThat(KeyMetrics.primaryWindow(List.of(all, outage))).isEqualTo(outage);
    assertThat(KeyMetrics.primaryWindow(List.of(new Window("x", 0, 1), all))).isEqualTo(all);
  }

  @Test
  void aliasWindow_distinct_shownOnce() {
    assertThat(KeyMetrics.distinct(Synthetic.TINY_WINDOWS))
        .extracting(Window::name)
        .containsExactly("before", "during", "after", "all");
  }

  @Test
  void declaredAndInferredKinds_components_orderedByType() {
    Components c =
        Components.of(
            List.of(
                "db.load_rps",
                "web.offered_rps",
                "cb.open_fraction",
                "x.something",
                "cache.hit_ratio"),
            Map.of("cache", "redis", "x", "mystery"));
    assertThat(c.names()).containsExactly("web", "db", "cache", "cb", "x");
    assertThat(c.type("cb")).isEqualTo(ComponentType.BREAKER);
    assertThat(c.type("x")).isEqualTo(ComponentType.OTHER);
  }

  @Test
  void metricName_parse_splitsAtLastDot() {
    assertThat(MetricName.parse("redis-cb.open_fraction"))
        .isEqualTo(new MetricName("redis-cb", "open_fraction"));
    assertThat(MetricName.parse("bare").component()).isEmpty();
  }
}
