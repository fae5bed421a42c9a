package dev.cascade.core.result;

import java.util.Objects;

/**
 * One entry of a run's incident timeline: a fault injected, a breaker opening on 500 of 500
 * instances, an alert firing. Event names are the closed vocabulary of the output contract ({@code
 * crashed}, {@code opened}, {@code shedding_started}, ...); the detail is free text.
 *
 * @param timeSeconds simulated time of the event
 * @param component component, breaker, monitor or workload class it happened to
 * @param event event name
 * @param detail free text, empty when there is nothing to add
 */
public record SimEvent(double timeSeconds, String component, String event, String detail) {

  /** Validates the fields; a null detail becomes empty. */
  public SimEvent {
    if (Double.isNaN(timeSeconds)) {
      throw new IllegalArgumentException("event time is not a number");
    }
    Objects.requireNonNull(component, "component");
    Objects.requireNonNull(event, "event");
    detail = detail == null ? "" : detail;
  }
}
