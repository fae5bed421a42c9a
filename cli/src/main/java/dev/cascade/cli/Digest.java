package dev.cascade.cli;

import dev.cascade.core.result.Summary;
import dev.cascade.core.stats.ReplicationStat;
import dev.cascade.core.stats.Window;
import dev.cascade.model.spec.ModelSpec;
import dev.cascade.scenario.run.CaseResult;
import dev.cascade.scenario.run.ScenarioResult;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The few numbers that matter, per variant and window, printed after a run: for each workload class
 * its p99 latency and failure shares; for each database its peak utilization and load.
 */
final class Digest {

  private Digest() {}

  /** Rows of (label, metric, stat) printed for a model. */
  static List<String[]> keyMetrics(ModelSpec model) {
    List<String[]> rows = new ArrayList<>();
    for (String w : model.workload().keySet()) {
      rows.add(new String[] {w + " ok/s", w + ".ok_rps", "mean"});
      rows.add(new String[] {w + " p99 ms", w + ".latency_p99", "value"});
      rows.add(new String[] {w + " 503 share", w + ".rate_503", "value"});
      rows.add(new String[] {w + " error share", w + ".error_rate", "value"});
      rows.add(new String[] {w + " timeout share", w + ".timeout_rate", "value"});
    }
    model
        .components()
        .values()
        .forEach(
            c -> {
              switch (c.kind()) {
                case DATABASE -> {
                  rows.add(new String[] {c.name() + " load/s", c.name() + ".load_rps", "mean"});
                  rows.add(
                      new String[] {c.name() + " util max", c.name() + ".utilization_max", "max"});
                }
                case REDIS ->
                    rows.add(
                        new String[] {c.name() + " hit ratio", c.name() + ".hit_ratio", "value"});
                case WORKER ->
                    rows.add(
                        new String[] {c.name() + " backlog max", c.name() + ".queue_depth", "max"});
                default -> {}
              }
            });
    return rows;
  }

  /** Prints one table per window: rows are key metrics, columns the variants. */
  static void print(ScenarioResult result, PrintStream out) {
    List<CaseResult> cases = new ArrayList<>();
    for (CaseResult c : result.cases()) {
      if (c.summary() != null && c.kase().point().settings().isEmpty()) {
        cases.add(c);
      }
    }
    if (cases.isEmpty()) {
      return;
    }
    List<String[]> rows = keyMetrics(cases.get(0).kase().model());
    Summary first = cases.get(0).summary();
    for (Window w : first.windows()) {
      if (w.name().equals("outage")) {
        continue; // same as "during"
      }
      out.printf(
          Locale.ROOT,
          "%nwindow %s (%s .. %s s)%n",
          w.name(),
          RunSupport.number(w.fromSeconds()),
          RunSupport.number(w.toSeconds()));
      StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "  %-24s", ""));
      for (CaseResult c : cases) {
        header.append(String.format(Locale.ROOT, " %20s", shorten(c.kase().label(), 20)));
      }
      out.println(header);
      for (String[] row : rows) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-24s", row[0]));
        for (CaseResult c : cases) {
          ReplicationStat s = c.summary().stat(row[1], w.name(), row[2]);
          line.append(String.format(Locale.ROOT, " %20s", cell(s)));
        }
        out.println(line);
      }
    }
  }

  private static String cell(ReplicationStat s) {
    if (s == null || Double.isNaN(s.mean())) {
      return "-";
    }
    String v = RunSupport.number(s.mean());
    return s.n() > 1 && s.ci95() > 0 ? v + " ±" + RunSupport.number(s.ci95()) : v;
  }

  private static String shorten(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "…";
  }
}
