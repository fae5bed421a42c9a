package dev.cascade.scenario.output;

import dev.cascade.core.result.SimEvent;
import dev.cascade.core.unit.Durations;
import dev.cascade.scenario.run.CaseResult;
import dev.cascade.scenario.run.ScenarioResult;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code timeline.md}: per case, replication 1's events in words, one line each, such as
 * {@code - T+5m10.2s redis-cb opened (500/500 instances)}, then its incidents (see {@link
 * Incident}) with the time each alert took to fire and the time to recover. Times are simulated
 * time from the start of the run, rounded to milliseconds.
 */
public final class TimelineMarkdown {

  /** The event names of the output contract in words; others print with spaces for underscores. */
  private static final Map<String, String> WORDS =
      Map.ofEntries(
          Map.entry("fault_injected", "fault injected"),
          Map.entry("fault_cleared", "fault cleared"),
          Map.entry("crashed", "crashed"),
          Map.entry("oom_killed", "was OOM-killed"),
          Map.entry("hung", "hung"),
          Map.entry("memory_full", "ran out of memory"),
          Map.entry("memory_freed", "has free memory again"),
          Map.entry("restarted", "restarted"),
          Map.entry("recovered", "recovered"),
          Map.entry("data_lost", "lost its data"),
          Map.entry("failover_started", "started a failover"),
          Map.entry("promoted", "promoted its replica"),
          Map.entry("opened", "opened"),
          Map.entry("half_opened", "half-opened"),
          Map.entry("closed", "closed"),
          Map.entry("shedding_started", "started shedding"),
          Map.entry("shedding_stopped", "stopped shedding"),
          Map.entry("alert_fired", "alert fired"),
          Map.entry("alert_resolved", "alert resolved"),
          Map.entry("remediation_attempted", "remediation attempted"),
          Map.entry("remediation_failed", "remediation failed"),
          Map.entry("escalated", "escalated"),
          Map.entry("scaled_out", "scaled out"),
          Map.entry("pool_exhausted", "exhausted its connection pool"),
          Map.entry("queue_full", "queue full"));

  private TimelineMarkdown() {}

  /** Writes the timeline of {@code result} to {@code out}. */
  public static void write(ScenarioResult result, Writer out) throws IOException {
    int reps = result.scenario().replications();
    out.write("# Timeline: " + result.scenario().name() + "\n\n");
    out.write("Simulated time from the start of each run");
    out.write(reps > 1 ? "; events of replication 1 of " + reps + ".\n" : ".\n");
    for (CaseResult c : result.cases()) {
      out.write("\n## " + c.kase().label() + "\n\n");
      if (c.summary() == null) {
        out.write("Not run (cancelled).\n");
        continue;
      }
      List<SimEvent> events = c.summary().events();
      if (events.isEmpty()) {
        out.write("No events.\n");
      }
      for (SimEvent e : events) {
        out.write("- " + line(e) + "\n");
      }
      List<Incident> incidents = Incident.of(events);
      if (!incidents.isEmpty()) {
        out.write("\nIncidents (time to detect by each alert, time to recover):\n\n");
        for (Incident i : incidents) {
          out.write("- " + incident(i) + "\n");
        }
      }
    }
  }

  /**
   * One incident in words: {@code T+9m59.2s redis was OOM-killed: redis-ping after 0.8s, web-5xx
   * after 1m30.8s; 1 remediation attempt; restarted after 16m30.8s}.
   */
  static String incident(Incident i) {
    StringBuilder s = new StringBuilder();
    s.append("T+")
        .append(time(i.start()))
        .append(' ')
        .append(i.component())
        .append(' ')
        .append(WORDS.getOrDefault(i.event(), i.event().replace('_', ' ')));
    if (!i.detail().isEmpty()) {
      s.append(" (").append(i.detail()).append(')');
    }
    s.append(": ");
    if (i.alerts().isEmpty()) {
      s.append("no alert fired");
    } else {
      s.append(
          String.join(
              ", ",
              i.alerts().stream()
                  .map(a -> a.monitor() + " after " + time(a.at() - i.start()))
                  .toList()));
    }
    if (!i.suppressed().isEmpty()) {
      s.append(" (held back: ").append(String.join(", ", i.suppressed())).append(')');
    }
    if (i.remediationAttempts() > 0) {
      s.append("; ")
          .append(i.remediationAttempts())
          .append(i.remediationAttempts() == 1 ? " remediation attempt" : " remediation attempts");
    }
    if (i.escalated()) {
      s.append("; escalated");
    }
    s.append("; ")
        .append(
            Double.isNaN(i.recoveredAt())
                ? "not recovered by the end of the run"
                : WORDS.getOrDefault(i.recoveredBy(), i.recoveredBy().replace('_', ' '))
                    + " after "
                    + time(i.timeToRecover()));
    return s.toString();
  }

  /** One event in words: {@code T+5m10.2s redis-cb opened (500/500 instances)}. */
  static String line(SimEvent e) {
    String words = WORDS.getOrDefault(e.event(), e.event().replace('_', ' '));
    String detail = e.detail().isEmpty() ? "" : " (" + e.detail() + ")";
    return "T+" + time(e.timeSeconds()) + " " + e.component() + " " + words + detail;
  }

  private static String time(double seconds) {
    double t = Numbers.millis(seconds);
    return t >= 0 && Double.isFinite(t) ? Durations.format(t) : Double.toString(seconds);
  }
}
