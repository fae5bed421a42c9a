package dev.cascade.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;

/**
 * Latency percentiles of one workload class over time (over its ok attempts, per the metric
 * contract), with the client timeout as a line when the report knows it. Timeouts and 503s do not
 * show here; the outcomes chart shows them.
 */
final class LatencyChart {

  private static final String[] PERCENTILES = {"latency_p50", "latency_p99"};
  private static final String[] LABELS = {"p50", "p99"};

  private LatencyChart() {}

  /** The chart, if the class has any latency percentile. */
  static Optional<Chart> of(RunView run, String workload) {
    List<String> keys = new ArrayList<>();
    List<double[]> values = new ArrayList<>();
    for (int i = 0; i < PERCENTILES.length; i++) {
      if (run.has(workload, PERCENTILES[i])) {
        keys.add(LABELS[i]);
        values.add(run.series(workload, PERCENTILES[i]));
      }
    }
    if (keys.isEmpty()) {
      return Optional.empty();
    }
    double timeout = run.capacity(workload + ".timeout");
    List<double[]> scaled = new ArrayList<>(values);
    if (Double.isFinite(timeout)) {
      scaled.add(new double[] {timeout});
    }
    ValueAxis axis = Axes.latency("latency of ok attempts", scaled.toArray(double[][]::new));
    XYPlot plot = TimePlot.plot(axis);
    TimePlot.add(
        plot,
        0,
        TimePlot.collection(run.x(), keys, values),
        ChartStyle.lines(Palette.series(0), Palette.series(3)));
    TimePlot.line(
        plot, timeout, "client timeout " + AxisUnit.MILLIS.format(timeout), Palette.LIMIT);
    TimeFrame frame = run.frame(workload);
    JFreeChart chart =
        TimePlot.single(
            workload + ": latency " + String.join(" / ", keys), run.subtitle(frame), plot, frame);
    return Optional.of(run.chart(ChartKind.LATENCY, workload, chart, ChartStyle.HEIGHT));
  }
}
