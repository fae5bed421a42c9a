package dev.cascade.chart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Every chart of a report, decided from the result data alone: comparisons of the key metrics
 * across variants (overlays over time when there are two variants or more, statistics per window
 * with confidence whiskers), metric-vs-parameter charts for each sweep, and the standard run charts
 * of every variant (latency, outcomes, and one chart per gateway, service, database, Redis, breaker
 * and worker). Charts are returned in that order, which is the order the report shows them in.
 */
public final class ChartSet {

  private ChartSet() {}

  /** The charts of {@code data}, not yet rendered, with unique names. */
  public static List<Chart> build(ReportData data) {
    List<String> keyMetrics = KeyMetrics.of(data);
    List<Chart> charts = new ArrayList<>();
    if (data.variants().size() >= 2) {
      addEach(charts, keyMetrics, m -> OverlayChart.of(data, m));
    }
    addEach(charts, keyMetrics, m -> WindowStatsChart.of(data, m));
    for (SweepData sweep : data.sweeps()) {
      addEach(charts, keyMetrics, m -> SweepChart.of(data, sweep, m));
    }
    Components components = KeyMetrics.components(data);
    for (Map.Entry<String, dev.cascade.core.result.Summary> v : data.variants().entrySet()) {
      charts.addAll(RunCharts.of(new RunView(data, v.getKey(), v.getValue(), components)));
    }
    return uniqueNames(charts);
  }

  /**
   * Builds the charts of {@code data} and writes them into {@code dir} (created if missing), one
   * file per chart and format, named {@code <chart name>.png|svg}.
   *
   * @return the files written, in chart order
   * @throws IOException if a file cannot be written
   */
  public static List<Path> render(ReportData data, Path dir, Format format) throws IOException {
    return render(build(data), dir, format);
  }

  /**
   * Writes already built {@code charts} into {@code dir} (created if missing).
   *
   * @return the files written, in chart order
   * @throws IOException if a file cannot be written
   */
  public static List<Path> render(List<Chart> charts, Path dir, Format format) throws IOException {
    Files.createDirectories(dir);
    List<Path> written = new ArrayList<>();
    for (Chart c : charts) {
      if (format.png()) {
        written.add(ChartWriter.writePng(c, dir.resolve(c.name() + ".png")));
      }
      if (format.svg()) {
        written.add(ChartWriter.writeSvg(c, dir.resolve(c.name() + ".svg")));
      }
    }
    return written;
  }

  private static void addEach(
      List<Chart> charts, List<String> metrics, Function<String, Optional<Chart>> build) {
    for (String m : metrics) {
      build.apply(m).ifPresent(charts::add);
    }
  }

  /** Distinct variant names can sanitize to the same stem; later ones get -2, -3, ... */
  private static List<Chart> uniqueNames(List<Chart> charts) {
    Set<String> used = new HashSet<>();
    List<Chart> out = new ArrayList<>();
    for (Chart c : charts) {
      String name = c.name();
      for (int n = 2; !used.add(name); n++) {
        name = c.name() + "-" + n;
      }
      out.add(
          name.equals(c.name())
              ? c
              : new Chart(
                  c.kind(), c.variant(), name, c.title(), c.chart(), c.width(), c.height()));
    }
    return out;
  }
}
