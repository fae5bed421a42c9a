package dev.cascade.scenario.output;

import dev.cascade.core.result.SimEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One failure of one component, read from a run's events: when it started ({@code fault_injected},
 * {@code crashed}, {@code oom_killed}, {@code hung}, or {@code memory_full}: a noeviction Redis
 * refusing writes), which alerts fired while it lasted and how long after its start (time to
 * detect), how many remediations were attempted and whether one escalated, and when the component
 * came back ({@code recovered}, {@code restarted}, {@code promoted}, {@code memory_freed}, or
 * {@code fault_cleared} for faults without a state of their own such as {@code slow}) (time to
 * recover). A start event for a component that is already failing belongs to the open incident (a
 * fault and the crash it causes are one incident). A {@code flush} is data loss without downtime,
 * so it opens no incident. Alerts are not tied to components: every alert that fires while an
 * incident lasts is listed with it, and so is an alert already firing when it starts (an early
 * warning, such as memory above 80% of maxmemory, with a negative delay).
 *
 * @param suppressed alerts held back while it lasted (maintenance window, quiet after a restart)
 * @param recoveredAt NaN when the component had not recovered by the end of the run
 * @param recoveredBy the recovery event, empty when not recovered
 */
record Incident(
    double start,
    String component,
    String event,
    String detail,
    List<Alert> alerts,
    List<String> suppressed,
    int remediationAttempts,
    boolean escalated,
    double recoveredAt,
    String recoveredBy,
    String recoveryDetail) {

  /** An alert that fired during the incident. */
  record Alert(String monitor, double at) {}

  private static final Set<String> STARTS =
      Set.of("fault_injected", "crashed", "oom_killed", "hung", "memory_full");
  private static final Set<String> ENDS =
      Set.of("recovered", "restarted", "promoted", "memory_freed", "fault_cleared");

  Incident {
    alerts = List.copyOf(alerts);
    suppressed = List.copyOf(suppressed);
  }

  /** Seconds from the start to the first alert, or NaN when no alert fired. */
  double timeToDetect() {
    return alerts.isEmpty() ? Double.NaN : alerts.get(0).at() - start;
  }

  /** Seconds from the start to the recovery, or NaN when not recovered. */
  double timeToRecover() {
    return recoveredAt - start;
  }

  /** The incidents of {@code events} (one run's timeline, in time order), in order of start. */
  static List<Incident> of(List<SimEvent> events) {
    List<Builder> all = new ArrayList<>();
    Map<String, Builder> open = new LinkedHashMap<>();
    Map<String, Double> firing = new LinkedHashMap<>(); // alert -> when it fired
    for (int k = 0; k < events.size(); k++) {
      SimEvent e = events.get(k);
      String name = e.event();
      if (STARTS.contains(name) && !isFlush(e) && !open.containsKey(e.component())) {
        Builder b = new Builder(e);
        // An alert already firing is an early warning (memory above 80%): negative after_s.
        firing.forEach((monitor, t) -> b.alerts.add(new Alert(monitor, t)));
        open.put(e.component(), b);
        all.add(b);
      } else if (ENDS.contains(name) && open.containsKey(e.component())) {
        open.remove(e.component()).recover(ownRecovery(events, k));
      } else if (name.equals("alert_fired")) {
        firing.put(e.component(), e.timeSeconds());
        open.values().forEach(b -> b.alerts.add(new Alert(e.component(), e.timeSeconds())));
      } else if (name.equals("alert_resolved")) {
        firing.remove(e.component());
      } else if (name.equals("remediation_attempted")) {
        open.values().forEach(b -> b.attempts++);
      } else if (name.equals("alert_suppressed")) {
        open.values().stream()
            .filter(b -> !b.suppressed.contains(e.component()))
            .forEach(b -> b.suppressed.add(e.component()));
      } else if (name.equals("escalated")) {
        open.values().forEach(b -> b.escalated = true);
      }
    }
    return all.stream().map(Builder::build).toList();
  }

  /**
   * The end event at {@code k}, or for a {@code fault_cleared} the component's own recovery logged
   * at the same time right after it (a crash fault's end is told as {@code recovered}).
   */
  private static SimEvent ownRecovery(List<SimEvent> events, int k) {
    SimEvent e = events.get(k);
    if (!e.event().equals("fault_cleared")) {
      return e;
    }
    for (int j = k + 1; j < events.size(); j++) {
      SimEvent next = events.get(j);
      if (next.timeSeconds() != e.timeSeconds()) {
        break;
      }
      if (next.component().equals(e.component())
          && !next.event().equals("fault_cleared")
          && ENDS.contains(next.event())) {
        return next;
      }
    }
    return e;
  }

  private static boolean isFlush(SimEvent e) {
    return e.event().equals("fault_injected") && e.detail().startsWith("flush");
  }

  private static final class Builder {
    private final SimEvent start;
    private final List<Alert> alerts = new ArrayList<>();
    private final List<String> suppressed = new ArrayList<>();
    private int attempts;
    private boolean escalated;
    private SimEvent end;

    Builder(SimEvent start) {
      this.start = start;
    }

    void recover(SimEvent e) {
      end = e;
    }

    Incident build() {
      return new Incident(
          start.timeSeconds(),
          start.component(),
          start.event(),
          start.detail(),
          alerts,
          suppressed,
          attempts,
          escalated,
          end == null ? Double.NaN : end.timeSeconds(),
          end == null ? "" : end.event(),
          end == null ? "" : end.detail());
    }
  }
}
