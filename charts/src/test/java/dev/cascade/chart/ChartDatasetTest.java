package dev.cascade.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cascade.core.result.SimEvent;
import dev.cascade.core.result.Summary;
import dev.cascade.core.stats.ReplicationStat;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.statistics.StatisticalCategoryDataset;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.Test;

/** What the charts plot, checked on their datasets and markers without rendering. */
class ChartDatasetTest {

  private static final List<SimEvent> EVENTS =
      List.of(
          new SimEvent(30, "cache", "crashed", ""),
          new SimEvent(30, "cache", "fault_injected", ""),
          new SimEvent(50, "db", "pool_exhausted", ""),
          new SimEvent(70, "cache", "fault_cleared", ""));

  private static Summary tiny() {
    Map<String, double[]> s = new TreeMap<>();
    s.put("web.offered_rps", Synthetic.step(1000, 1500));
    s.put("web.ok_rps", Synthetic.step(1000, 600));
    s.put("web.retry_rps", Synthetic.step(0, 500));
    s.put("web.rate_503", Synthetic.step(0, 0.2));
    s.put("web.error_rate", Synthetic.step(0, 0.1));
    s.put("web.timeout_rate", Synthetic.step(0, 0.3));
    s.put("web.latency_p50", Synthetic.step(2, 20));
    s.put("web.latency_p99", Synthetic.step(8, 2000));
    s.put("db.load_rps", Synthetic.step(40_000, 160_000));
    s.put("db.throughput_rps", Synthetic.step(40_000, 100_000));
    s.put("db.nodes", Synthetic.step(2, 2));
    s.put("db.utilization", Synthetic.step(0.4, 1));
    s.put("db.utilization_max", Synthetic.step(0.5, 1));
    s.put("cache.hit_ratio", Synthetic.step(0.8, 0));
    s.put("cache.used_memory_bytes", Synthetic.step(1e9, 0));
    s.put("cb.open_fraction", Synthetic.step(0, 1));
    s.put("app.busy_threads", Synthetic.step(10, 200));
    s.put("app.queue_len", Synthetic.step(0, 50));
    s.put("w.queue_depth", Synthetic.step(0, 500));
    s.put("w.processed_rps", Synthetic.step(10, 2));
    s.put("gw.admitted_rps", Synthetic.step(1000, 700));
    s.put("gw.shed_rps", Synthetic.step(0, 300));
    return Synthetic.tiny(s, EVENTS);
  }

  private static ReportData data(Summary... variants) {
    ReportData.Builder b =
        ReportData.builder("s")
            .capacity("db", 50_000)
            .capacity("cache.maxmemory", 2e9)
            .kind("w", "worker")
            .kind("gw", "gateway");
    for (int i = 0; i < variants.length; i++) {
      b.variant("v" + i, variants[i]);
    }
    return b.build();
  }

  /** JFreeChart hands markers out as a raw collection. */
  private static List<Marker> markers(Collection<?> raw) {
    return raw == null ? List.of() : raw.stream().map(Marker.class::cast).toList();
  }

  private static Chart chart(List<Chart> charts, ChartKind kind) {
    return charts.stream().filter(c -> c.kind() == kind).findFirst().orElseThrow();
  }

  private static XYPlot top(Chart c) {
    if (c.chart().getPlot() instanceof CombinedDomainXYPlot combined) {
      return combined.getSubplots().get(0);
    }
    return c.chart().getXYPlot();
  }

  @Test
  void outcomes_dataset_stacksRatesTimesOffered() {
    Chart c = chart(ChartSet.build(data(tiny())), ChartKind.OUTCOMES);
    XYDataset stack = top(c).getDataset(0);
    assertThat(String.valueOf(stack.getSeriesKey(0))).isEqualTo("timeout");
    assertThat(String.valueOf(stack.getSeriesKey(3))).isEqualTo("ok");
    int during = 50;
    // ok 600 + 503 (0.2 x 1500) + error (0.1 x 1500) + timeout (0.3 x 1500) = 1500
    assertThat(stack.getYValue(3, during)).isEqualTo(600);
    assertThat(stack.getYValue(2, during)).isCloseTo(900, within(1e-9));
    assertThat(stack.getYValue(1, during)).isCloseTo(1050, within(1e-9));
    assertThat(stack.getYValue(0, during)).isCloseTo(1500, within(1e-9));
    XYDataset lines = top(c).getDataset(1);
    assertThat(String.valueOf(lines.getSeriesKey(0))).isEqualTo("offered");
    assertThat(lines.getYValue(0, during)).isEqualTo(1500);
  }

  @Test
  void database_dataset_loadPerNodeAgainstCapacityLine() {
    Chart c = chart(ChartSet.build(data(tiny())), ChartKind.DATABASE);
    assertThat(c.height()).isEqualTo(ChartStyle.TALL_HEIGHT);
    XYPlot load = top(c);
    assertThat(load.getDataset(0).getYValue(0, 50)).isEqualTo(80_000);
    assertThat(load.getDataset(0).getYValue(0, 10)).isEqualTo(20_000);
    List<Marker> lines = markers(load.getRangeMarkers(Layer.FOREGROUND));
    assertThat(lines).hasSize(1);
    assertThat(((ValueMarker) lines.get(0)).getValue()).isEqualTo(50_000);
    assertThat(load.getRangeAxis().getUpperBound()).isGreaterThan(80_000);
  }

  @Test
  void runChart_markers_faultWindowShadedAndEventsMerged() {
    Chart c = chart(ChartSet.build(data(tiny())), ChartKind.LATENCY);
    XYPlot plot = top(c);
    List<Marker> shading = markers(plot.getDomainMarkers(Layer.BACKGROUND));
    assertThat(shading).hasSize(1);
    IntervalMarker fault = (IntervalMarker) shading.get(0);
    assertThat(fault.getStartValue()).isEqualTo(30);
    assertThat(fault.getEndValue()).isEqualTo(70);
    List<String> labels =
        markers(plot.getDomainMarkers(Layer.FOREGROUND)).stream().map(Marker::getLabel).toList();
    assertThat(labels)
        .containsExactly("cache crashed +1", "db pool exhausted", "cache fault cleared");
    assertThat(c.title()).isEqualTo("web: latency p50 / p99");
    assertThat(c.chart().getSubtitle(1).toString()).isNotNull();
  }

  @Test
  void latency_spreadOverFiftyFold_logAxis() {
    Chart c = chart(ChartSet.build(data(tiny())), ChartKind.LATENCY);
    assertThat(top(c).getRangeAxis()).isInstanceOf(LogAxis.class);
  }

  @Test
  void everyRunKind_build_onePerComponent() {
    List<Chart> charts = ChartSet.build(data(tiny()));
    assertThat(charts)
        .extracting(Chart::name)
        .contains(
            "run-v0-latency-web",
            "run-v0-outcomes-web",
            "run-v0-database-db",
            "run-v0-cache-cache",
            "run-v0-breaker-cb",
            "run-v0-service-app",
            "run-v0-worker-w",
            "run-v0-gateway-gw");
    assertThat(charts).extracting(Chart::kind).doesNotContain(ChartKind.OVERLAY);
  }

  @Test
  void twoVariants_overlayAndBars_colouredByVariantIndex() {
    List<Chart> charts = ChartSet.build(data(tiny(), tiny()));
    Chart overlay =
        charts.stream()
            .filter(c -> c.kind() == ChartKind.OVERLAY && c.name().endsWith("web.rate_503"))
            .findFirst()
            .orElseThrow();
    XYPlot plot = overlay.chart().getXYPlot();
    assertThat(String.valueOf(plot.getDataset(0).getSeriesKey(1))).isEqualTo("v1");
    assertThat(plot.getRenderer(0).getSeriesPaint(0)).isEqualTo(Palette.variant(0));
    assertThat(plot.getRenderer(0).getSeriesPaint(1)).isEqualTo(Palette.variant(1));
    assertThat(overlay.title()).isEqualTo("web.rate_503 across variants");

    Chart bars =
        charts.stream()
            .filter(c -> c.kind() == ChartKind.WINDOW_STATS && c.name().endsWith("web.rate_503"))
            .findFirst()
            .orElseThrow();
    CategoryPlot cp = bars.chart().getCategoryPlot();
    assertThat(cp.getRenderer().getSeriesPaint(1)).isEqualTo(Palette.variant(1));
    StatisticalCategoryDataset ds = (StatisticalCategoryDataset) cp.getDataset();
    List<String> columns = new java.util.ArrayList<>();
    for (int i = 0; i < ds.getColumnCount(); i++) {
      columns.add(String.valueOf(ds.getColumnKey(i)));
    }
    assertThat(columns).containsExactly("before", "during", "after", "all");
    assertThat(ds.getMeanValue("v0", "during").doubleValue()).isCloseTo(0.2, within(1e-9));
    assertThat(bars.title()).contains("window value per window");
  }

  @Test
  void sweep_dataset_meanWithConfidenceBand() {
    Summary a = Synthetic.summary(false, 3, 0.5, 11);
    Summary b = Synthetic.summary(false, 3, 1.0, 12);
    ReportData data =
        ReportData.builder("s")
            .variant("only", b)
            .sweep(new SweepData("db.nodes", List.of("8", "16"), Map.of("only", List.of(a, b))))
            .build();
    Chart c =
        ChartSet.build(data).stream()
            .filter(x -> x.kind() == ChartKind.SWEEP && x.name().endsWith("db.load_rps"))
            .findFirst()
            .orElseThrow();
    YIntervalSeriesCollection ds = (YIntervalSeriesCollection) c.chart().getXYPlot().getDataset();
    ReplicationStat expected = b.stat("db.load_rps", "during", "mean");
    assertThat(ds.getXValue(0, 1)).isEqualTo(1);
    assertThat(ds.getYValue(0, 1)).isCloseTo(expected.mean(), within(1e-6));
    assertThat(ds.getEndYValue(0, 1)).isCloseTo(expected.upper(), within(1e-6));
    assertThat(ds.getStartYValue(0, 1)).isCloseTo(expected.lower(), within(1e-6));
    assertThat(expected.ci95()).isPositive();
    assertThat(c.title()).isEqualTo("db.load_rps vs db.nodes: time-average over during");
  }

  @Test
  void chartNames_build_unique() {
    List<Chart> charts = ChartSet.build(data(tiny(), tiny()));
    assertThat(charts.stream().map(Chart::name).distinct()).hasSize(charts.size());
  }
}
