package dev.cascade.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;

/**
 * A Redis over time: the cache hit ratio on top (a flush or a crash shows as the drop and the slow
 * refill), and below its memory, {@code used_memory} and RSS, against {@code maxmemory} and the
 * container's memory limit (RSS crossing the limit is the OOM kill).
 */
final class CacheChart {

  private CacheChart() {}

  /** The chart, if the Redis publishes a hit ratio or memory. */
  static Optional<Chart> of(RunView run, String redis) {
    boolean hits = run.has(redis, "hit_ratio");
    boolean memory = run.has(redis, "used_memory_bytes") || run.has(redis, "rss_bytes");
    if (!hits && !memory) {
      return Optional.empty();
    }
    TimeFrame frame = run.frame(redis);
    String subtitle = run.subtitle(frame);
    XYPlot hitPlot = hits ? hitPlot(run, redis) : null;
    XYPlot memoryPlot = memory ? memoryPlot(run, redis) : null;
    JFreeChart chart;
    int height = ChartStyle.HEIGHT;
    if (hitPlot != null && memoryPlot != null) {
      chart =
          TimePlot.stacked(
              redis + ": cache hit ratio and memory vs limits",
              subtitle,
              frame,
              hitPlot,
              memoryPlot);
      height = ChartStyle.TALL_HEIGHT;
    } else if (hitPlot != null) {
      chart = TimePlot.single(redis + ": cache hit ratio", subtitle, hitPlot, frame);
    } else {
      chart = TimePlot.single(redis + ": memory vs limits", subtitle, memoryPlot, frame);
    }
    return Optional.of(run.chart(ChartKind.CACHE, redis, chart, height));
  }

  private static XYPlot hitPlot(RunView run, String redis) {
    double[] ratio = run.series(redis, "hit_ratio");
    XYPlot plot = TimePlot.plot(Axes.linear("hit ratio", AxisUnit.RATIO, 1.0, ratio));
    TimePlot.add(
        plot,
        0,
        TimePlot.collection(run.x(), List.of("hit ratio"), List.of(ratio)),
        ChartStyle.lines(Palette.series(0)));
    return plot;
  }

  private static XYPlot memoryPlot(RunView run, String redis) {
    List<String> keys = new ArrayList<>();
    List<double[]> values = new ArrayList<>();
    if (run.has(redis, "used_memory_bytes")) {
      keys.add("used_memory");
      values.add(run.series(redis, "used_memory_bytes"));
    }
    if (run.has(redis, "rss_bytes")) {
      keys.add("RSS");
      values.add(run.series(redis, "rss_bytes"));
    }
    double maxmemory = run.capacity(redis + ".maxmemory");
    double limit = run.capacity(redis + ".memory_limit");
    double highest = Double.isNaN(limit) ? maxmemory : Math.max(limit, nanToZero(maxmemory));
    XYPlot plot =
        TimePlot.plot(
            Axes.linear("memory", AxisUnit.BYTES, highest, values.toArray(double[][]::new)));
    TimePlot.add(
        plot,
        0,
        TimePlot.collection(run.x(), keys, values),
        ChartStyle.lines(Palette.series(1), Palette.series(2)));
    TimePlot.line(plot, maxmemory, "maxmemory " + AxisUnit.BYTES.format(maxmemory), Palette.LIMIT);
    TimePlot.line(plot, limit, "container limit " + AxisUnit.BYTES.format(limit), Palette.CAPACITY);
    return plot;
  }

  private static double nanToZero(double v) {
    return Double.isNaN(v) ? 0 : v;
  }
}
