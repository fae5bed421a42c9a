package dev.cascade.scenario.run;

import java.util.Objects;

/**
 * How to run a scenario.
 *
 * @param jobs runs simulated in parallel (threads), at least 1
 * @param resident runs held in memory at once, at least {@code jobs}; the threads take turns on
 *     them, so with more resident runs than threads, runs of unequal cost finish together
 * @param progress receives simulated time done over total
 * @param cancellation raised to stop early
 */
public record RunOptions(
    int jobs, int resident, ProgressListener progress, Cancellation cancellation) {

  public RunOptions {
    if (jobs < 1) {
      throw new IllegalArgumentException("jobs must be at least 1, got " + jobs);
    }
    if (resident < jobs) {
      throw new IllegalArgumentException(
          "resident runs (" + resident + ") must be at least jobs (" + jobs + ")");
    }
    Objects.requireNonNull(progress, "progress");
    Objects.requireNonNull(cancellation, "cancellation");
  }

  /** {@code jobs} threads on as many resident runs. */
  public RunOptions(int jobs, ProgressListener progress, Cancellation cancellation) {
    this(jobs, jobs, progress, cancellation);
  }

  /** One job per available processor, no progress, never cancelled. */
  public static RunOptions defaults() {
    return jobs(Runtime.getRuntime().availableProcessors());
  }

  /** {@code jobs} threads, no progress, never cancelled. */
  public static RunOptions jobs(int jobs) {
    return new RunOptions(jobs, ProgressListener.NONE, new Cancellation());
  }

  /** These options with {@code listener}. */
  public RunOptions withProgress(ProgressListener listener) {
    return new RunOptions(jobs, resident, listener, cancellation);
  }

  /** These options with {@code flag}. */
  public RunOptions withCancellation(Cancellation flag) {
    return new RunOptions(jobs, resident, progress, flag);
  }

  /** These options with up to {@code runs} resident runs (at least {@code jobs}). */
  public RunOptions withResident(int runs) {
    return new RunOptions(jobs, Math.max(jobs, runs), progress, cancellation);
  }
}
