package dev.cascade.core.event;

/**
 * The simulation clock and event loop of one run.
 *
 * <p>Time is simulated seconds as a {@code double}, starting at 0. Events scheduled for the same
 * time fire in the order they were scheduled. A run is single-threaded and owns its state; there is
 * no global simulator, so runs of different variants and replications execute in parallel on
 * separate instances.
 */
public final class Simulation {

  private final EventList events;
  private double now;
  private long fired;
  private boolean stopped;
  private Runnable afterEach;

  /** Creates a simulation at time 0 with an event list sized for {@code expectedPending}. */
  public Simulation(int expectedPending) {
    this.events = new EventList(expectedPending);
  }

  /** Creates a simulation at time 0. */
  public Simulation() {
    this(1024);
  }

  /** Current simulated time in seconds. */
  public double now() {
    return now;
  }

  /** Events fired so far (cancelled events are not counted). */
  public long eventsFired() {
    return fired;
  }

  /** Pending events that will still fire (a timeout queue counts as one). */
  public int pending() {
    return events.liveSize();
  }

  /**
   * Schedules an event at an absolute time.
   *
   * @throws IllegalArgumentException if {@code time} is before now or not a number
   */
  public long schedule(double time, EventHandler h, int type, int arg, Object payload) {
    if (!(time >= now)) {
      throw new IllegalArgumentException("cannot schedule at " + time + " before now " + now);
    }
    return events.add(time, h, type, arg, payload);
  }

  /** Schedules an event at an absolute time without payload. */
  public long schedule(double time, EventHandler h, int type) {
    return schedule(time, h, type, 0, null);
  }

  /**
   * Schedules an event {@code delay} seconds from now.
   *
   * @throws IllegalArgumentException if {@code delay} is negative or not a number
   */
  public long after(double delay, EventHandler h, int type, int arg, Object payload) {
    if (!(delay >= 0)) {
      throw new IllegalArgumentException("negative delay " + delay);
    }
    return events.add(now + delay, h, type, arg, payload);
  }

  /** Schedules an event {@code delay} seconds from now without payload. */
  public long after(double delay, EventHandler h, int type) {
    return after(delay, h, type, 0, null);
  }

  /**
   * Creates a queue of timers that all wait {@code delay} seconds; arming and cancelling them is
   * O(1) and keeps them out of the event heap. See {@link TimeoutQueue}.
   */
  public TimeoutQueue timeouts(double delay) {
    return new TimeoutQueue(this, delay);
  }

  long nextSequence() {
    return events.nextSequence();
  }

  /** Takes back the count of the event being fired (it delivered nothing to a model). */
  void uncount() {
    fired--;
  }

  long scheduleWithSequence(double time, long sequence, EventHandler h) {
    return events.addWithSequence(time, sequence, h, 0, 0, null);
  }

  /**
   * Cancels a scheduled event in O(1).
   *
   * @return true if the event was pending; false if it already fired, was cancelled, or the handle
   *     is {@link EventList#NO_EVENT}
   */
  public boolean cancel(long handle) {
    return events.cancel(handle);
  }

  /**
   * Runs {@code check} after every event (tests use it to check model invariants after each step);
   * null removes it. It costs one branch per event when unset.
   */
  public void afterEachEvent(Runnable check) {
    this.afterEach = check;
  }

  /** Stops {@link #runUntil} after the current event. */
  public void stop() {
    stopped = true;
  }

  /**
   * Fires events in order until the next one is later than {@code horizon}, the list is empty, or
   * {@link #stop()} is called; then advances the clock to {@code horizon} (unless stopped).
   *
   * @return the number of events fired by this call
   */
  public long runUntil(double horizon) {
    stopped = false;
    long start = fired;
    EventList list = events;
    while (!stopped) {
      double t = list.peekTime();
      if (t > horizon) {
        break;
      }
      int slot = list.pollSlot();
      EventHandler h = list.handlerOf(slot);
      int type = list.typeOf(slot);
      int a = list.argOf(slot);
      Object p = list.payloadOf(slot);
      list.release(slot);
      now = t;
      fired++;
      if (h instanceof Component c) {
        c.handle(type, a, p);
      } else {
        h.handle(type, a, p);
      }
      if (afterEach != null) {
        afterEach.run();
      }
    }
    if (!stopped && horizon > now && horizon != Double.POSITIVE_INFINITY) {
      now = horizon;
    }
    return fired - start;
  }
}
