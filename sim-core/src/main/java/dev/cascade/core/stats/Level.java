package dev.cascade.core.stats;

/**
 * A quantity that holds its value between changes, such as a queue length, busy threads or whether
 * a component is up; its statistic is the time-weighted average (SSJ's {@code Accumulate}, as
 * opposed to a per-observation tally). A level starts at 0 at the start of the interval in which it
 * was created. Updates must come in non-decreasing time order, and intervals must be closed before
 * the level is updated at a later time (the engine closes intervals from a periodic event).
 */
public final class Level {

  private double value;
  private double lastTime;
  private double intervalStart;
  private double area;
  private double intervalMean = Double.NaN;

  Level(double startSeconds) {
    this.lastTime = startSeconds;
    this.intervalStart = startSeconds;
  }

  /**
   * Sets the value from simulated time {@code now} on.
   *
   * @throws IllegalArgumentException if {@code now} is before the last update or not a number
   */
  public void set(double now, double v) {
    advance(now);
    value = v;
  }

  /**
   * Adds {@code dv} (which may be negative) to the value from simulated time {@code now} on.
   *
   * @throws IllegalArgumentException if {@code now} is before the last update or not a number
   */
  public void add(double now, double dv) {
    advance(now);
    value += dv;
  }

  /** The current value. */
  public double value() {
    return value;
  }

  /** Time-average over the last closed interval; NaN before the first interval closes. */
  public double intervalMean() {
    return intervalMean;
  }

  private void advance(double now) {
    if (now > lastTime) {
      area += value * (now - lastTime);
      lastTime = now;
    } else if (!(now >= lastTime - IntervalGrid.tolerance(lastTime))) {
      throw new IllegalArgumentException(
          "level updated at " + now + " s, before its last update at " + lastTime + " s");
    }
  }

  /** Ends the current interval at {@code end}, computing its time-average. */
  void closeInterval(double end) {
    if (lastTime > end + IntervalGrid.tolerance(end)) {
      throw new IllegalStateException(
          "level updated at "
              + lastTime
              + " s before the interval ending at "
              + end
              + " s was closed; close intervals before firing later events");
    }
    advance(end);
    double length = end - intervalStart;
    intervalMean = length > 0 ? area / length : value;
    area = 0;
    intervalStart = end;
  }
}
