package dev.cascade.core.result;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The append-only timeline of one run. Models record events as they happen, so the log is in time
 * order; it is never edited afterwards. Not thread-safe: a log belongs to one run.
 */
public final class EventLog {

  private final List<SimEvent> events = new ArrayList<>();

  /** Appends an event. */
  public void record(double timeSeconds, String component, String event, String detail) {
    events.add(new SimEvent(timeSeconds, component, event, detail));
  }

  /** Appends an event. */
  public void record(SimEvent event) {
    events.add(Objects.requireNonNull(event, "event"));
  }

  /** Number of events recorded. */
  public int size() {
    return events.size();
  }

  /** An immutable snapshot of the events in the order recorded. */
  public List<SimEvent> events() {
    return List.copyOf(events);
  }
}
