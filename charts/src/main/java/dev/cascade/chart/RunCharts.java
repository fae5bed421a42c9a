package dev.cascade.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The standard charts of one variant's run: for every component the charts of its type, in the
 * report's component order (workload classes first, then the path their requests take).
 */
final class RunCharts {

  private RunCharts() {}

  /** Every run chart that applies to {@code run}. */
  static List<Chart> of(RunView run) {
    List<Chart> charts = new ArrayList<>();
    for (String c : run.components().names()) {
      switch (run.components().type(c)) {
        case WORKLOAD -> {
          add(charts, LatencyChart.of(run, c));
          add(charts, OutcomeChart.of(run, c));
        }
        case GATEWAY -> add(charts, PanelCharts.gateway(run, c));
        case SERVICE -> add(charts, PanelCharts.service(run, c));
        case DATABASE -> add(charts, DatabaseChart.of(run, c));
        case REDIS -> add(charts, CacheChart.of(run, c));
        case BREAKER -> add(charts, BreakerChart.of(run, c));
        case WORKER -> add(charts, PanelCharts.worker(run, c));
        case OTHER -> {
          // Components of unknown kind publish nothing a standard chart knows how to read.
        }
      }
    }
    return charts;
  }

  private static void add(List<Chart> charts, Optional<Chart> chart) {
    chart.ifPresent(charts::add);
  }
}
