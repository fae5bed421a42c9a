package dev.cascade.chart;

import dev.cascade.core.result.Summary;
import dev.cascade.core.stats.ReplicationStat;
import dev.cascade.core.stats.Window;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * One metric against a swept parameter, one line per variant in its variant's colour, with a band
 * over the 95% confidence interval of the mean over replications. The parameter's values are placed
 * evenly in the order written, labelled as written ({@code 5s 30s 2m}), since sweeps are usually
 * geometric. The statistic is the metric's headline statistic over the fault window (or {@code all}
 * without faults).
 */
final class SweepChart {

  private static final float BAND_ALPHA = 0.18f;
  private static final double X_MARGIN = 0.3;

  private SweepChart() {}

  /** The chart of {@code metric} over {@code sweep}, if any point has a value for it. */
  static Optional<Chart> of(ReportData data, SweepData sweep, String metric) {
    String stat = KeyMetrics.headlineStat(metric);
    YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
    List<Color> colors = new ArrayList<>();
    List<String> variantOrder = new ArrayList<>(data.variants().keySet());
    Window window = null;
    int replications = 0;
    List<double[]> bounds = new ArrayList<>();
    for (Map.Entry<String, List<Summary>> e : sweep.points().entrySet()) {
      YIntervalSeries series = new YIntervalSeries(e.getKey());
      double[] low = new double[e.getValue().size()];
      double[] high = new double[e.getValue().size()];
      for (int i = 0; i < e.getValue().size(); i++) {
        Summary s = e.getValue().get(i);
        low[i] = Double.NaN;
        high[i] = Double.NaN;
        if (!s.metrics().contains(metric)) {
          continue;
        }
        // Each point has its own windows (a sweep may move the faults); compare like with like.
        Window own = KeyMetrics.primaryWindow(s.windows());
        if (!s.windows().contains(own)) {
          continue;
        }
        window = window == null ? own : window;
        replications = Math.max(replications, s.replications());
        ReplicationStat r = s.stat(metric, own.name(), stat);
        if (!Double.isNaN(r.mean())) {
          double ci = Double.isFinite(r.ci95()) ? r.ci95() : 0;
          series.add(i, r.mean(), r.mean() - ci, r.mean() + ci);
          low[i] = r.mean() - ci;
          high[i] = r.mean() + ci;
        }
      }
      if (series.getItemCount() > 0) {
        dataset.addSeries(series);
        int index = variantOrder.indexOf(e.getKey());
        colors.add(Palette.variant(index >= 0 ? index : variantOrder.size() + colors.size()));
        bounds.add(low);
        bounds.add(high);
      }
    }
    if (dataset.getSeriesCount() == 0) {
      return Optional.empty();
    }
    DeviationRenderer renderer = new DeviationRenderer(true, true);
    renderer.setAlpha(BAND_ALPHA);
    for (int i = 0; i < colors.size(); i++) {
      renderer.setSeriesPaint(i, colors.get(i));
      renderer.setSeriesFillPaint(i, colors.get(i));
      renderer.setSeriesStroke(i, ChartStyle.LINE);
      renderer.setSeriesShape(i, new Ellipse2D.Double(-4, -4, 8, 8));
    }
    SymbolAxis x = new SymbolAxis(sweep.parameter(), sweep.values().toArray(String[]::new));
    x.setLabelFont(ChartStyle.AXIS_LABEL);
    x.setTickLabelFont(ChartStyle.AXIS_LABEL);
    x.setGridBandsVisible(false);
    x.setRange(-X_MARGIN, sweep.values().size() - 1 + X_MARGIN);
    ValueAxis y = Axes.forMetric(metric, bounds.toArray(double[][]::new));
    y.setUpperMargin(0.1);
    XYPlot plot = new XYPlot(dataset, x, y, renderer);
    ChartStyle.style(plot);
    String title =
        metric
            + " vs "
            + sweep.parameter()
            + ": "
            + WindowStatsChart.statWords(stat)
            + " over "
            + window.name();
    String subtitle =
        "one line per variant · "
            + Wording.window(window)
            + (replications > 1
                ? " · band: 95% confidence interval over " + replications + " replications"
                : " · 1 replication (no confidence band)")
            + (data.scale() != 1 ? " · scale " + Wording.scale(data.scale()) : "");
    JFreeChart chart = ChartStyle.chart(title, subtitle, plot);
    return Optional.of(
        new Chart(
            ChartKind.SWEEP,
            "",
            Chart.stem(ChartKind.SWEEP.slug() + "-" + sweep.parameter() + "-" + metric),
            title,
            chart,
            ChartStyle.WIDTH,
            ChartStyle.HEIGHT));
  }
}
