package dev.cascade.scenario.output;

import dev.cascade.core.result.SimEvent;
import dev.cascade.core.result.Summary;
import dev.cascade.core.stats.ReplicationStat;
import dev.cascade.core.stats.Window;
import dev.cascade.model.spec.ModelSpec;
import dev.cascade.scenario.run.CaseResult;
import dev.cascade.scenario.run.CheckResult;
import dev.cascade.scenario.run.ScenarioResult;
import dev.cascade.scenario.spec.Scenario;
import dev.cascade.scenario.spec.SweepPoint;
import java.io.Writer;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes {@code summary.json} in the shape CLI.md shows: the run's parameters, then per case
 * ("variant") its windows, every metric's statistics per window ({@code value} = mean over
 * replications, {@code ci95} = half-width of its 95% confidence interval), replication 1's events,
 * the incidents read from them (per failure: time to detect by each alert and time to recover; see
 * {@link Incident}) and the check results. NaN (no data) is written as null. A sweep point's case
 * also has {@code variant} and {@code sweep}; after a cancellation, {@code incomplete} and {@code
 * replications_completed} say what is missing. Key order is fixed, so the file is byte-identical
 * across runs except for {@code wall_s}.
 */
public final class SummaryJson {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final DefaultPrettyPrinter PRETTY =
      new DefaultPrettyPrinter(
              Separators.createDefaultInstance()
                  .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                  .withObjectEmptySeparator("")
                  .withArrayEmptySeparator(""))
          .withArrayIndenter(new DefaultIndenter("  ", "\n"))
          .withObjectIndenter(new DefaultIndenter("  ", "\n"));

  private SummaryJson() {}

  /** Writes the summary of {@code result} to {@code out}. */
  public static void write(ScenarioResult result, String version, Writer out) {
    Scenario s = result.scenario();
    ModelSpec base = s.base();
    try (JsonGenerator g = JSON.writer().with(PRETTY).createGenerator(out)) {
      g.writeStartObject();
      g.writeStringProperty("cascade_version", version);
      g.writeStringProperty("scenario", s.name());
      number(g, "horizon_s", base.horizon());
      number(g, "warmup_s", base.warmup());
      number(g, "sample_s", base.sample());
      g.writeNumberProperty("seed", s.seed());
      g.writeNumberProperty("replications", s.replications());
      number(g, "scale", base.scale());
      if (base.proportionalPools()) {
        g.writeStringProperty("scale_pools", "proportional");
      }
      number(g, "wall_s", Numbers.millis(result.wallSeconds()));
      g.writeNumberProperty("events", result.events());
      if (!result.complete()) {
        g.writeBooleanProperty("incomplete", true);
      }
      g.writeName("variants");
      g.writeStartObject();
      for (CaseResult c : result.cases()) {
        g.writeName(c.kase().label());
        caseResult(g, c);
      }
      g.writeEndObject();
      g.writeEndObject();
    }
  }

  private static void caseResult(JsonGenerator g, CaseResult c) {
    g.writeStartObject();
    SweepPoint point = c.kase().point();
    if (!point.isEmpty()) {
      g.writeStringProperty("variant", c.kase().variant());
      g.writeName("sweep");
      g.writeStartObject();
      for (SweepPoint.Setting setting : point.settings()) {
        g.writeStringProperty(setting.path(), setting.value());
      }
      g.writeEndObject();
    }
    if (!c.complete()) {
      g.writeBooleanProperty("incomplete", true);
      g.writeNumberProperty("replications_completed", c.runs().size());
    }
    g.writeName("windows");
    g.writeStartObject();
    for (Window w : c.kase().windows()) {
      g.writeName(w.name());
      g.writeStartObject();
      number(g, "from_s", w.fromSeconds());
      number(g, "to_s", w.toSeconds());
      g.writeEndObject();
    }
    g.writeEndObject();
    Summary summary = c.summary();
    g.writeName("metrics");
    g.writeStartObject();
    if (summary != null) {
      for (var metric : summary.stats().entrySet()) {
        g.writeName(metric.getKey());
        metric(g, metric.getValue());
      }
    }
    g.writeEndObject();
    g.writeName("events");
    g.writeStartArray();
    if (summary != null) {
      for (SimEvent e : summary.events()) {
        g.writeStartObject();
        number(g, "t_s", e.timeSeconds());
        g.writeStringProperty("component", e.component());
        g.writeStringProperty("event", e.event());
        g.writeStringProperty("detail", e.detail());
        g.writeEndObject();
      }
    }
    g.writeEndArray();
    g.writeName("incidents");
    g.writeStartArray();
    if (summary != null) {
      for (Incident i : Incident.of(summary.events())) {
        incident(g, i);
      }
    }
    g.writeEndArray();
    g.writeName("checks");
    g.writeStartArray();
    for (CheckResult r : c.checks()) {
      g.writeStartObject();
      g.writeStringProperty("metric", r.check().metric());
      g.writeStringProperty("window", r.check().window());
      g.writeStringProperty("stat", r.check().stat());
      g.writeStringProperty("bound", r.check().bound());
      number(g, "value", r.value());
      number(g, "ci95", r.ci95());
      g.writeBooleanProperty("passed", r.passed());
      g.writeBooleanProperty("marginal", r.marginal());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  /** One incident: its start, the alerts that fired (time to detect) and its recovery. */
  private static void incident(JsonGenerator g, Incident i) {
    g.writeStartObject();
    number(g, "t_s", millis(i.start()));
    g.writeStringProperty("component", i.component());
    g.writeStringProperty("event", i.event());
    g.writeStringProperty("detail", i.detail());
    g.writeName("alerts");
    g.writeStartArray();
    for (Incident.Alert a : i.alerts()) {
      g.writeStartObject();
      g.writeStringProperty("monitor", a.monitor());
      number(g, "t_s", millis(a.at()));
      number(g, "after_s", millis(a.at() - i.start()));
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeName("suppressed");
    g.writeStartArray();
    for (String monitor : i.suppressed()) {
      g.writeString(monitor);
    }
    g.writeEndArray();
    number(g, "time_to_detect_s", millis(i.timeToDetect()));
    g.writeNumberProperty("remediation_attempts", i.remediationAttempts());
    g.writeBooleanProperty("escalated", i.escalated());
    number(g, "recovered_t_s", millis(i.recoveredAt()));
    g.writeStringProperty("recovered_by", i.recoveredBy());
    g.writeStringProperty("recovery_detail", i.recoveryDetail());
    number(g, "time_to_recover_s", millis(i.timeToRecover()));
    g.writeEndObject();
  }

  /** Rounded to milliseconds; NaN (none) stays NaN. */
  private static double millis(double seconds) {
    return Double.isFinite(seconds) ? Numbers.millis(seconds) : seconds;
  }

  private static void metric(JsonGenerator g, Map<String, Map<String, ReplicationStat>> perWindow) {
    g.writeStartObject();
    for (var window : perWindow.entrySet()) {
      g.writeName(window.getKey());
      g.writeStartObject();
      for (var stat : window.getValue().entrySet()) {
        g.writeName(stat.getKey());
        g.writeStartObject();
        number(g, "value", stat.getValue().mean());
        number(g, "ci95", stat.getValue().ci95());
        g.writeEndObject();
      }
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private static void number(JsonGenerator g, String name, double v) {
    g.writeName(name);
    if (Double.isFinite(v)) {
      g.writeNumber(v);
    } else {
      g.writeNull();
    }
  }
}
