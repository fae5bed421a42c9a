package dev.cascade.chart;

import dev.cascade.core.result.Summary;
import dev.cascade.core.stats.ReplicationStat;
import dev.cascade.core.stats.Window;
import java.util.List;
import java.util.Map;

/**
 * The tables of the HTML report: the scenario summary, the checks with their badges, the estimate
 * table, the key metrics side by side, and every metric's statistics per window for each variant.
 * Numbers carry their units; a mean over replications is shown with its 95% confidence half-width.
 * All text is escaped.
 */
final class ReportTables {

  private ReportTables() {}

  /** {@code 41% ± 0.3%}, or without the interval for one replication; {@code n/a} without data. */
  static String meanWithCi(ReplicationStat s, AxisUnit unit) {
    if (s.n() == 0 || Double.isNaN(s.mean())) {
      return "n/a";
    }
    if (s.n() == 1 || !Double.isFinite(s.ci95())) {
      return unit.format(s.mean());
    }
    return unit.formatWithError(s.mean(), s.ci95());
  }

  /** Key facts of the scenario and the run, scale stated. */
  static String summary(ReportData data) {
    StringBuilder t = new StringBuilder("<table class=\"kv\">\n");
    row(t, "Scenario", Html.text(data.scenario()));
    if (!data.description().isEmpty()) {
      row(t, "Description", Html.text(data.description()));
    }
    row(t, "Scale", Html.text(scaleText(data.scale(), data.proportionalPools())));
    Summary first = KeyMetrics.summaries(data).stream().findFirst().orElse(null);
    if (first != null) {
      double[] ends = first.intervalEnds();
      double horizon = ends.length == 0 ? 0 : ends[ends.length - 1];
      row(t, "Horizon", Html.text(AxisUnit.SECONDS.format(horizon)));
      row(t, "Sample interval", Html.text(AxisUnit.SECONDS.format(first.sampleSeconds())));
      row(t, "Replications", Integer.toString(first.replications()));
      StringBuilder w = new StringBuilder();
      for (Window win : first.windows()) {
        w.append(w.length() == 0 ? "" : ", ").append(Html.text(Wording.window(win)));
      }
      row(t, "Windows", w.toString());
    }
    if (!data.variants().isEmpty()) {
      StringBuilder v = new StringBuilder("<ul>");
      for (String name : data.variants().keySet()) {
        String desc = data.variantDescriptions().getOrDefault(name, "");
        v.append("<li><strong>").append(Html.text(name)).append("</strong>");
        v.append(desc.isEmpty() ? "" : ": " + Html.text(desc)).append("</li>");
      }
      row(t, "Variants", v.append("</ul>").toString());
    }
    for (SweepData s : data.sweeps()) {
      row(t, "Sweep", Html.text(s.parameter() + " = " + String.join(", ", s.values())));
    }
    if (!data.checks().isEmpty()) {
      row(t, "Checks", Html.text(checkCounts(data.checks())));
    }
    return t.append("</table>\n").toString();
  }

  /** {@code 1/16 of full size: ...} or {@code 1 (full size)}. */
  static String scaleText(double scale, boolean proportionalPools) {
    if (scale == 1) {
      return "1 (full size)";
    }
    String s = Wording.scale(scale);
    if (proportionalPools) {
      return s
          + ": a proportional slice was simulated (rates, instances and nodes multiplied by "
          + s
          + "; where a count is not whole, each simulated instance or node has its share of a"
          + " real one's threads, queue, capacity and connections, so a node may be part of one)";
    }
    return s
        + ": a proportional slice was simulated (rates, instances and nodes multiplied by "
        + s
        + ", rates per node unchanged)";
  }

  /** {@code 5 checks: 3 pass, 1 fail, 1 marginal}. */
  static String checkCounts(List<CheckRow> checks) {
    long pass = checks.stream().filter(c -> c.verdict().equals("pass")).count();
    long fail = checks.stream().filter(c -> c.verdict().equals("fail")).count();
    long marginal = checks.size() - pass - fail;
    return checks.size()
        + (checks.size() == 1 ? " check: " : " checks: ")
        + pass
        + " pass, "
        + fail
        + " fail, "
        + marginal
        + " marginal";
  }

  /** The checks with pass / fail / marginal badges. */
  static String checks(List<CheckRow> checks) {
    StringBuilder t =
        new StringBuilder(
            "<table>\n<tr><th>Result</th><th>Variant</th><th>Metric</th><th>Window</th>"
                + "<th>Stat</th><th>Bound</th><th>Value (mean ± 95% CI)</th></tr>\n");
    for (CheckRow c : checks) {
      AxisUnit unit = AxisUnit.ofMetric(c.metric());
      String value =
          c.ci95() > 0 && Double.isFinite(c.ci95())
              ? unit.formatWithError(c.value(), c.ci95())
              : unit.format(c.value());
      t.append("<tr><td><span class=\"badge ")
          .append(c.verdict())
          .append("\">")
          .append(c.verdict())
          .append("</span></td>");
      for (String cell : List.of(c.variant(), c.metric(), c.window(), c.stat(), c.bound())) {
        t.append(Html.element("td", "", cell));
      }
      t.append(Html.element("td", "num", value)).append("</tr>\n");
    }
    return t.append("</table>\n").toString();
  }

  /** The estimate table. */
  static String estimate(List<EstimateRow> rows) {
    StringBuilder t =
        new StringBuilder("<table>\n<tr><th>Quantity</th><th>Estimate</th><th>Note</th></tr>\n");
    for (EstimateRow r : rows) {
      t.append("<tr>")
          .append(Html.element("td", "", r.quantity()))
          .append(Html.element("td", "num", r.value()))
          .append(Html.element("td", "", r.note()))
          .append("</tr>\n");
    }
    return t.append("</table>\n").toString();
  }

  /** The key metrics (rows) of every variant (columns) over each variant's primary window. */
  static String glance(ReportData data, List<String> metrics) {
    StringBuilder t = new StringBuilder("<table>\n<tr><th>Metric</th><th>Statistic</th>");
    data.variants().keySet().forEach(v -> t.append(Html.element("th", "", v)));
    t.append("</tr>\n");
    for (String metric : metrics) {
      String stat = KeyMetrics.headlineStat(metric);
      t.append("<tr>").append(Html.element("td", "", metric));
      t.append(Html.element("td", "", WindowStatsChart.statWords(stat)));
      for (Summary s : data.variants().values()) {
        Window w = KeyMetrics.primaryWindow(s.windows());
        String cell =
            s.metrics().contains(metric) && s.windows().contains(w)
                ? meanWithCi(s.stat(metric, w.name(), stat), AxisUnit.ofMetric(metric))
                : "n/a";
        t.append(Html.element("td", "num", cell));
      }
      t.append("</tr>\n");
    }
    return t.append("</table>\n").toString();
  }

  /** Every metric of one variant (rows) per window (columns), each by its headline statistic. */
  static String windowStats(Summary summary) {
    List<Window> windows = KeyMetrics.distinct(summary.windows());
    StringBuilder t = new StringBuilder("<table>\n<tr><th>Metric</th><th>Statistic</th>");
    windows.forEach(w -> t.append(Html.element("th", "", Wording.window(w))));
    t.append("</tr>\n");
    for (Map.Entry<String, Map<String, Map<String, ReplicationStat>>> m :
        summary.stats().entrySet()) {
      String stat = KeyMetrics.headlineStat(m.getKey());
      AxisUnit unit = AxisUnit.ofMetric(m.getKey());
      t.append("<tr>").append(Html.element("td", "", m.getKey()));
      t.append(Html.element("td", "", WindowStatsChart.statWords(stat)));
      for (Window w : windows) {
        Map<String, ReplicationStat> perStat = m.getValue().get(w.name());
        ReplicationStat s = perStat == null ? ReplicationStat.EMPTY : perStat.get(stat);
        t.append(
            Html.element("td", "num", meanWithCi(s == null ? ReplicationStat.EMPTY : s, unit)));
      }
      t.append("</tr>\n");
    }
    return t.append("</table>\n").toString();
  }

  private static void row(StringBuilder t, String key, String html) {
    t.append("<tr><th>")
        .append(Html.text(key))
        .append("</th><td>")
        .append(html)
        .append("</td></tr>\n");
  }
}
