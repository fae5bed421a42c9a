package dev.cascade.cli;

import dev.cascade.chart.ChartSet;
import dev.cascade.chart.CheckRow;
import dev.cascade.chart.EstimateRow;
import dev.cascade.chart.Format;
import dev.cascade.chart.HtmlReport;
import dev.cascade.chart.ReportData;
import dev.cascade.core.unit.Rates;
import dev.cascade.model.estimate.EstimateLine;
import dev.cascade.model.estimate.Estimator;
import dev.cascade.model.spec.ComponentSpec;
import dev.cascade.model.spec.DatabaseSpec;
import dev.cascade.model.spec.ModelSpec;
import dev.cascade.model.spec.RedisSpec;
import dev.cascade.scenario.output.OutputFolder;
import dev.cascade.scenario.output.TimelineMarkdown;
import dev.cascade.scenario.run.CaseResult;
import dev.cascade.scenario.run.CheckResult;
import dev.cascade.scenario.run.ScenarioResult;
import dev.cascade.scenario.spec.Scenario;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Builds the charts' input from a scenario result and writes charts and the HTML report. */
final class Reports {

  private Reports() {}

  /** The charts/ folder and report.html, as part of an output folder. */
  static OutputFolder.Contents charts(ScenarioResult result, String format) {
    return dir -> {
      ReportData data = data(result);
      Path charts = Files.createDirectories(dir.resolve("charts"));
      ChartSet.render(data, charts, Format.valueOf(format.toUpperCase(Locale.ROOT)));
      HtmlReport.write(data, dir.resolve("report.html"));
    };
  }

  static ReportData data(ScenarioResult result) throws IOException {
    Scenario s = result.scenario();
    ModelSpec base = s.base();
    ReportData.Builder b =
        ReportData.builder(s.name())
            .description(s.description())
            .scale(base.scale())
            .proportionalPools(base.proportionalPools());
    for (CaseResult c : result.cases()) {
      if (!c.kase().point().settings().isEmpty()) {
        continue; // sweep points are charted by the sweep command
      }
      String variant = c.kase().variant();
      String description =
          s.variants().containsKey(variant) ? s.variants().get(variant).description() : "";
      if (c.summary() != null) {
        b.variant(variant, description == null ? "" : description, c.summary());
      }
      for (CheckResult cr : c.checks()) {
        b.check(
            new CheckRow(
                variant,
                cr.check().metric(),
                cr.check().window(),
                cr.check().stat(),
                cr.check().bound(),
                cr.value(),
                cr.ci95(),
                cr.passed(),
                cr.marginal()));
      }
    }
    for (EstimateLine l : Estimator.estimate(base)) {
      b.estimate(
          new EstimateRow(
              l.situation() + ": " + l.component() + " " + l.quantity(),
              format(l),
              l.verdict().isEmpty() ? l.note() : l.verdict() + "; " + l.note()));
    }
    StringWriter timeline = new StringWriter();
    TimelineMarkdown.write(result, timeline);
    b.timeline(timeline.toString());
    for (ComponentSpec c : base.components().values()) {
      b.kind(c.name(), c.kind().id());
      if (c instanceof DatabaseSpec d) {
        double cap =
            Double.isNaN(d.capacity()) ? d.effectiveWorkers() / d.latency().mean() : d.capacity();
        b.capacity(d.name(), cap);
      } else if (c instanceof RedisSpec r) {
        if (r.maxmemory() > 0) {
          b.capacity(r.name() + ".maxmemory", (double) r.maxmemory());
        }
        if (r.memoryLimit() > 0) {
          b.capacity(r.name() + ".memory_limit", (double) r.memoryLimit());
        }
      }
    }
    base.workload().keySet().forEach(w -> b.kind(w, "workload"));
    base.breakers().keySet().forEach(br -> b.kind(br, "breaker"));
    return b.build();
  }

  static String format(EstimateLine l) {
    return switch (l.unit()) {
      case "rps" ->
          Rates.format(round(l.value()))
              + (Double.isNaN(l.capacity()) ? "" : " of " + Rates.format(round(l.capacity())));
      case "threads" -> String.format(Locale.ROOT, "%.0f of %.0f threads", l.value(), l.capacity());
      default -> String.format(Locale.ROOT, "%.3g", l.value());
    };
  }

  private static double round(double v) {
    if (v >= 100) {
      return Math.round(v * 10) / 10.0;
    }
    return Math.round(v * 1000) / 1000.0;
  }
}
