package dev.cascade.scenario.run;

/**
 * Receives the progress of a scenario run: simulated seconds done over all runs, out of the total.
 * Called from worker threads, but never concurrently (the runner serializes the calls).
 */
@FunctionalInterface
public interface ProgressListener {

  /** Ignores progress. */
  ProgressListener NONE = (done, total) -> {};

  /**
   * Reports progress.
   *
   * @param doneSeconds simulated seconds completed, summed over every run
   * @param totalSeconds simulated seconds of all runs together
   */
  void progress(double doneSeconds, double totalSeconds);
}
