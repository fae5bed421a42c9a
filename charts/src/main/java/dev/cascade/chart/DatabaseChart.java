package dev.cascade.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;

/**
 * A database's load against its capacity, over time: on top the offered load and the throughput per
 * node ({@code load_rps} and {@code throughput_rps} divided by the live {@code nodes}, so killing
 * nodes shows as the per-node load rising) against the capacity line of one node; below, the mean
 * utilization and that of the busiest node.
 */
final class DatabaseChart {

  private DatabaseChart() {}

  /** The chart, if the database publishes its load. */
  static Optional<Chart> of(RunView run, String db) {
    if (!run.has(db, "load_rps")) {
      return Optional.empty();
    }
    boolean perNode = run.has(db, "nodes");
    double[] nodes = run.series(db, "nodes");
    List<String> keys = new ArrayList<>();
    List<double[]> loads = new ArrayList<>();
    keys.add(perNode ? "offered load per node" : "offered load");
    loads.add(
        perNode
            ? SeriesMath.divide(run.series(db, "load_rps"), nodes)
            : run.series(db, "load_rps"));
    if (run.has(db, "throughput_rps")) {
      keys.add(perNode ? "throughput per node" : "throughput");
      double[] t = run.series(db, "throughput_rps");
      loads.add(perNode ? SeriesMath.divide(t, nodes) : t);
    }
    double capacity = run.capacity(db, db + ".capacity");
    XYPlot top =
        TimePlot.plot(
            Axes.linear(
                perNode ? "queries per node" : "queries",
                AxisUnit.PER_SECOND,
                capacity,
                loads.toArray(double[][]::new)));
    TimePlot.add(
        top,
        0,
        TimePlot.collection(run.x(), keys, loads),
        ChartStyle.lines(Palette.series(0), Palette.series(1)));
    TimePlot.line(
        top,
        capacity,
        "capacity " + AxisUnit.PER_SECOND.format(capacity) + (perNode ? " per node" : ""),
        Palette.CAPACITY);

    List<String> uKeys = new ArrayList<>();
    List<double[]> uValues = new ArrayList<>();
    if (run.has(db, "utilization")) {
      uKeys.add("utilization (mean of nodes)");
      uValues.add(run.series(db, "utilization"));
    }
    if (run.has(db, "utilization_max")) {
      uKeys.add("utilization (busiest node)");
      uValues.add(run.series(db, "utilization_max"));
    }
    TimeFrame frame = run.frame(db);
    String title = db + ": load per node vs capacity" + (uKeys.isEmpty() ? "" : ", utilization");
    String subtitle = run.subtitle(frame);
    JFreeChart chart;
    if (uKeys.isEmpty()) {
      chart = TimePlot.single(title, subtitle, top, frame);
      return Optional.of(run.chart(ChartKind.DATABASE, db, chart, ChartStyle.HEIGHT));
    }
    XYPlot bottom =
        TimePlot.plot(
            Axes.linear("utilization", AxisUnit.RATIO, 1.0, uValues.toArray(double[][]::new)));
    TimePlot.add(
        bottom,
        0,
        TimePlot.collection(run.x(), uKeys, uValues),
        ChartStyle.lines(Palette.series(2), Palette.series(3)));
    chart = TimePlot.stacked(title, subtitle, frame, top, bottom);
    return Optional.of(run.chart(ChartKind.DATABASE, db, chart, ChartStyle.TALL_HEIGHT));
  }
}
