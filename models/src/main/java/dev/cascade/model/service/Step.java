package dev.cascade.model.service;

import dev.cascade.model.flow.Request;

/**
 * One compiled step of a service. A step starts with {@link #begin}, receives its own timers
 * through {@link #onEvent} and backend replies through {@link #onReply}, and ends by calling the
 * service's {@code stepDone} or {@code finish}.
 */
public abstract class Step {

  protected final Service service;
  protected final int index;

  protected Step(Service service, int index) {
    this.service = service;
    this.index = index;
  }

  /** Starts the step for {@code r} (phase 0). */
  public abstract void begin(Request r);

  /** A timer this step armed for {@code r} fired. */
  public void onEvent(Request r, int type) {
    throw new IllegalStateException(getClass().getSimpleName() + " has no timer " + type);
  }

  /** A reply to the current call of {@code r} arrived (stale replies are filtered out). */
  public void onReply(Request r, int result) {
    throw new IllegalStateException(getClass().getSimpleName() + " expects no reply");
  }

  protected double now() {
    return service.ctx().now();
  }
}
