package dev.cascade.chart;

import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.plot.XYPlot;

/**
 * One plot of a run chart that shows a component's metrics of one unit, optionally against a
 * capacity line.
 *
 * @param axisLabel label of the value axis
 * @param metrics metric parts ({@code queue_len}), all of one {@link AxisUnit}
 * @param labels legend entries, one per metric
 * @param line capacity line in the metrics' unit, NaN for none
 * @param lineLabel label of the line
 */
record Panel(
    String axisLabel, List<String> metrics, List<String> labels, double line, String lineLabel) {

  /** A panel of one metric without a line. */
  static Panel of(String axisLabel, String metric, String label) {
    return new Panel(axisLabel, List.of(metric), List.of(label), Double.NaN, "");
  }

  /** This panel with a capacity line at {@code value} (NaN: none) labelled by its value. */
  Panel withLine(double value, String what) {
    String text = what + " " + AxisUnit.ofMetric(metrics.get(0)).format(value);
    return new Panel(axisLabel, metrics, labels, value, text);
  }

  /** Whether {@code run} has any of the metrics for {@code component}. */
  boolean presentIn(RunView run, String component) {
    return metrics.stream().anyMatch(m -> run.has(component, m));
  }

  /** The plot of the metrics {@code run} has, coloured from series colour {@code firstColor}. */
  XYPlot plot(RunView run, String component, int firstColor) {
    List<String> keys = new ArrayList<>();
    List<double[]> values = new ArrayList<>();
    for (int i = 0; i < metrics.size(); i++) {
      if (run.has(component, metrics.get(i))) {
        keys.add(labels.get(i));
        values.add(run.series(component, metrics.get(i)));
      }
    }
    AxisUnit unit = AxisUnit.ofMetric(metrics.get(0));
    XYPlot plot =
        TimePlot.plot(Axes.linear(axisLabel, unit, line, values.toArray(double[][]::new)));
    java.awt.Paint[] paints = new java.awt.Paint[keys.size()];
    for (int i = 0; i < paints.length; i++) {
      paints[i] = Palette.series(firstColor + i);
    }
    TimePlot.add(plot, 0, TimePlot.collection(run.x(), keys, values), ChartStyle.lines(paints));
    TimePlot.line(plot, line, lineLabel, Palette.CAPACITY);
    return plot;
  }
}
