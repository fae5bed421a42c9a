package dev.cascade.core.event;

/**
 * Receives the events a component scheduled for itself.
 *
 * <p>A component implements this once and dispatches on {@code type}; the {@code arg} and {@code
 * payload} are what it passed to {@link Simulation#schedule}. This shape avoids allocating a
 * closure per event on the hot path.
 */
@FunctionalInterface
public interface EventHandler {

  /**
   * Handles one event at the simulation's current time.
   *
   * @param type the component's own event code
   * @param arg an integer argument (an instance index, a node number, ...)
   * @param payload an optional object (a request, a job), or null
   */
  void handle(int type, int arg, Object payload);
}
