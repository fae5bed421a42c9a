package dev.cascade.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;

/**
 * A circuit-breaker policy over time: the share of its instances (one per service instance, or one
 * in total) that are open and half-open. 100% open means every caller fails fast or falls back.
 */
final class BreakerChart {

  private BreakerChart() {}

  /** The chart, if the breaker publishes its open fraction. */
  static Optional<Chart> of(RunView run, String breaker) {
    if (!run.has(breaker, "open_fraction")) {
      return Optional.empty();
    }
    List<String> keys = new ArrayList<>(List.of("open"));
    List<double[]> values = new ArrayList<>();
    values.add(run.series(breaker, "open_fraction"));
    if (run.has(breaker, "half_open_fraction")) {
      keys.add("half-open");
      values.add(run.series(breaker, "half_open_fraction"));
    }
    XYPlot plot =
        TimePlot.plot(
            Axes.linear(
                "share of instances", AxisUnit.RATIO, 1.0, values.toArray(double[][]::new)));
    TimePlot.add(
        plot,
        0,
        TimePlot.collection(run.x(), keys, values),
        ChartStyle.lines(Palette.EVENT_PROTECTION, Palette.series(2)));
    TimeFrame frame = run.frame(breaker);
    JFreeChart chart =
        TimePlot.single(
            breaker + ": breaker instances open / half-open", run.subtitle(frame), plot, frame);
    return Optional.of(run.chart(ChartKind.BREAKER, breaker, chart, ChartStyle.HEIGHT));
  }
}
