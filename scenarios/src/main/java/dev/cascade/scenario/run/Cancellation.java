package dev.cascade.scenario.run;

/**
 * A flag a caller raises to stop a scenario run (on Ctrl-C, for instance). Runs in progress stop at
 * their next progress step; runs not started are skipped; the result keeps the runs that finished
 * and marks the rest incomplete.
 */
public final class Cancellation {

  private volatile boolean cancelled;

  /** Asks the run to stop. */
  public void cancel() {
    cancelled = true;
  }

  /** Whether {@link #cancel} was called. */
  public boolean isCancelled() {
    return cancelled;
  }
}
