package dev.cascade.scenario.run;

import java.util.Objects;

/**
 * How to run a scenario.
 *
 * @param jobs runs simulated in parallel (threads), at least 1
 * @param progress receives simulated time done over total
 * @param cancellation raised to stop early
 */
public record RunOptions(int jobs, ProgressListener progress, Cancellation cancellation) {

  public RunOptions {
    if (jobs < 1) {
      throw new IllegalArgumentException("jobs must be at least 1, got " + jobs);
    }
    Objects.requireNonNull(progress, "progress");
    Objects.requireNonNull(cancellation, "cancellation");
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
    return new RunOptions(jobs, listener, cancellation);
  }

  /** These options with {@code flag}. */
  public RunOptions withCancellation(Cancellation flag) {
    return new RunOptions(jobs, progress, flag);
  }
}
