package dev.cascade.core.stats;

import dev.cascade.core.result.RunResult;
import dev.cascade.core.result.SimEvent;
import dev.cascade.core.result.WindowStats;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Turns the finished metrics of a registry into a {@link RunResult}. */
final class ResultAssembler {

  private ResultAssembler() {}

  static RunResult assemble(
      IntervalGrid grid,
      WindowSet windows,
      Collection<Metric> metrics,
      List<SimEvent> events,
      long eventsProcessed) {
    double[] ends = new double[grid.count()];
    for (int k = 0; k < ends.length; k++) {
      ends[k] = grid.end(k);
    }
    Map<String, double[]> series = new TreeMap<>();
    Map<String, Map<String, WindowStats>> stats = new TreeMap<>();
    List<Window> declared = windows.windows();
    for (Metric metric : metrics) {
      series.put(metric.name(), metric.series());
      WindowStats[] perSpan = new WindowStats[windows.spanCount()];
      for (int s = 0; s < perSpan.length; s++) {
        perSpan[s] = metric.summarize(s, grid, windows);
      }
      Map<String, WindowStats> perWindow = new LinkedHashMap<>();
      for (int w = 0; w < declared.size(); w++) {
        perWindow.put(declared.get(w).name(), perSpan[windows.spanOf(w)]);
      }
      stats.put(metric.name(), perWindow);
    }
    return new RunResult(
        grid.sampleSeconds(), ends, series, stats, declared, events, eventsProcessed);
  }
}
