package dev.cascade.cli;

import dev.cascade.chart.ChartSet;
import dev.cascade.chart.Format;
import dev.cascade.chart.ReportData;
import dev.cascade.chart.SweepData;
import dev.cascade.core.result.Summary;
import dev.cascade.core.stats.ReplicationStat;
import dev.cascade.scenario.output.OutputFolder;
import dev.cascade.scenario.run.CaseResult;
import dev.cascade.scenario.run.ScenarioResult;
import dev.cascade.scenario.spec.SweepPoint;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The files a sweep adds to the output folder: {@code sweep.csv} and, unless charts are off, the
 * metric-vs-parameter charts. Shared by {@code cascade sweep} and {@code cascade merge}, so a
 * merged sharded sweep writes exactly what a single-machine sweep writes.
 */
final class SweepFiles {

  private SweepFiles() {}

  /** sweep.csv, plus the sweep charts in {@code format} unless {@code noCharts}. */
  static OutputFolder.Contents of(ScenarioResult result, boolean noCharts, String format) {
    return dir -> {
      writeCsv(result, dir.resolve("sweep.csv"));
      if (!noCharts) {
        List<SweepData> data = sweepData(result);
        if (!data.isEmpty()) {
          ReportData.Builder b =
              ReportData.builder(result.scenario().name())
                  .description(result.scenario().description())
                  .scale(result.scenario().base().scale());
          data.forEach(b::sweep);
          Path charts = Files.createDirectories(dir.resolve("charts"));
          ChartSet.render(b.build(), charts, Format.valueOf(format.toUpperCase(Locale.ROOT)));
        }
      }
    };
  }

  /** One chart input per swept parameter, when the grid has a single parameter. */
  private static List<SweepData> sweepData(ScenarioResult result) {
    List<String> paths = new ArrayList<>();
    for (CaseResult c : result.cases()) {
      for (SweepPoint.Setting st : c.kase().point().settings()) {
        if (!paths.contains(st.path())) {
          paths.add(st.path());
        }
      }
    }
    if (paths.size() != 1) {
      return List.of();
    }
    String path = paths.get(0);
    List<String> values = new ArrayList<>();
    Map<String, List<Summary>> points = new LinkedHashMap<>();
    for (CaseResult c : result.cases()) {
      if (c.summary() == null) {
        return List.of(); // an interrupted sweep is not charted
      }
      String v = c.kase().point().settings().get(0).value();
      if (!values.contains(v)) {
        values.add(v);
      }
      points.computeIfAbsent(c.kase().variant(), k -> new ArrayList<>()).add(c.summary());
    }
    return List.of(new SweepData(path, values, points));
  }

  /**
   * sweep.csv: one row per variant and sweep point; the swept values, then for each metric the
   * replication mean and 95% half-width of its value over the {@code all} window.
   */
  private static void writeCsv(ScenarioResult result, Path file) throws IOException {
    List<String> paths = new ArrayList<>();
    TreeSet<String> metrics = new TreeSet<>();
    for (CaseResult c : result.cases()) {
      c.kase()
          .point()
          .settings()
          .forEach(
              st -> {
                if (!paths.contains(st.path())) {
                  paths.add(st.path());
                }
              });
      if (c.summary() != null) {
        metrics.addAll(c.summary().metrics());
      }
    }
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      StringBuilder h = new StringBuilder("variant");
      paths.forEach(p -> h.append(',').append(csv(p)));
      for (String m : metrics) {
        h.append(',').append(csv(m)).append(',').append(csv(m + "_ci95"));
      }
      w.write(h.append("\r\n").toString());
      for (CaseResult c : result.cases()) {
        StringBuilder row = new StringBuilder(csv(c.kase().variant()));
        for (String p : paths) {
          String v =
              c.kase().point().settings().stream()
                  .filter(st -> st.path().equals(p))
                  .map(SweepPoint.Setting::value)
                  .findFirst()
                  .orElse("");
          row.append(',').append(csv(v));
        }
        for (String m : metrics) {
          ReplicationStat st = c.summary() == null ? null : c.summary().stat(m, "all", "value");
          row.append(',').append(num(st == null ? Double.NaN : st.mean()));
          row.append(',').append(num(st == null ? Double.NaN : st.ci95()));
        }
        w.write(row.append("\r\n").toString());
      }
    }
  }

  private static String num(double v) {
    return Double.isNaN(v) || Double.isInfinite(v) ? "" : Double.toString(v);
  }

  private static String csv(String s) {
    if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
      return '"' + s.replace("\"", "\"\"") + '"';
    }
    return s;
  }
}
