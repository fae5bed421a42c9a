package dev.cascade.chart;

import dev.cascade.core.result.Summary;
import dev.cascade.core.stats.ReplicationStat;
import dev.cascade.core.stats.Window;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;

/**
 * The headline statistic of one metric per report window, one bar per variant in its variant's
 * colour, with whiskers over the 95% confidence interval of the mean over replications (for one
 * replication there is no interval and no whisker). Windows that merely alias another ({@code
 * outage} for {@code during}) are shown once.
 */
final class WindowStatsChart {

  private WindowStatsChart() {}

  /** The chart of {@code metric}, if any variant has a value for it in some window. */
  static Optional<Chart> of(ReportData data, String metric) {
    String stat = KeyMetrics.headlineStat(metric);
    DefaultStatisticalCategoryDataset dataset = new DefaultStatisticalCategoryDataset();
    List<Color> colors = new ArrayList<>();
    int index = 0;
    int replications = 0;
    boolean any = false;
    for (Map.Entry<String, Summary> e : data.variants().entrySet()) {
      Summary s = e.getValue();
      if (s.metrics().contains(metric)) {
        colors.add(Palette.variant(index));
        replications = Math.max(replications, s.replications());
        for (Window w : KeyMetrics.distinct(s.windows())) {
          ReplicationStat r = s.stat(metric, w.name(), stat);
          boolean known = !Double.isNaN(r.mean());
          any |= known;
          dataset.add(
              known ? Double.valueOf(r.mean()) : null,
              known && Double.isFinite(r.ci95()) ? Double.valueOf(r.ci95()) : null,
              e.getKey(),
              w.name());
        }
      }
      index++;
    }
    if (!any) {
      return Optional.empty();
    }
    AxisUnit unit = AxisUnit.ofMetric(metric);
    StatisticalBarRenderer renderer = new StatisticalBarRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setDrawBarOutline(false);
    renderer.setItemMargin(0.08);
    renderer.setErrorIndicatorPaint(Color.BLACK);
    renderer.setErrorIndicatorStroke(new java.awt.BasicStroke(1.4f));
    for (int i = 0; i < colors.size(); i++) {
      renderer.setSeriesPaint(i, colors.get(i));
    }
    NumberAxis values = new NumberAxis(stat + " of " + MetricName.parse(metric).metric());
    values.setStandardTickUnits(unit.tickUnits());
    values.setAutoRangeIncludesZero(true);
    values.setUpperMargin(0.12);
    values.setLabelFont(ChartStyle.AXIS_LABEL);
    values.setTickLabelFont(ChartStyle.TICK_LABEL);
    values.setTickLabelInsets(new RectangleInsets(7, 4, 7, 4));
    CategoryAxis windows = new CategoryAxis("report window");
    windows.setLabelFont(ChartStyle.AXIS_LABEL);
    windows.setTickLabelFont(ChartStyle.AXIS_LABEL);
    windows.setCategoryMargin(0.25);
    CategoryPlot plot = new CategoryPlot(dataset, windows, values, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Palette.GRID);
    plot.setOutlinePaint(Palette.GRID);
    String title = metric + ": " + statWords(stat) + " per window, by variant";
    String subtitle =
        (replications > 1
                ? "bars: mean over "
                    + replications
                    + " replications · whiskers: 95% confidence interval"
                : "1 replication (no confidence interval)")
            + windowBounds(data)
            + (data.scale() != 1 ? " · scale " + Wording.scale(data.scale()) : "");
    JFreeChart chart = ChartStyle.chart(title, subtitle, plot);
    return Optional.of(
        new Chart(
            ChartKind.WINDOW_STATS,
            "",
            Chart.stem(ChartKind.WINDOW_STATS.slug() + "-" + metric),
            title,
            chart,
            ChartStyle.WIDTH,
            ChartStyle.HEIGHT));
  }

  /** {@code mean} as "time-average", {@code value} as "window value" and so on. */
  static String statWords(String stat) {
    return switch (stat) {
      case "mean" -> "time-average";
      case "value" -> "window value";
      case "max" -> "peak";
      case "min" -> "lowest";
      case "final" -> "final value";
      default -> stat;
    };
  }

  private static String windowBounds(ReportData data) {
    return data.variants().values().stream()
        .findFirst()
        .map(
            s ->
                " · "
                    + String.join(
                        ", ",
                        KeyMetrics.distinct(s.windows()).stream().map(Wording::window).toList()))
        .orElse("");
  }
}
