package dev.cascade.model.spec;

/**
 * Exponential backoff: attempt k waits {@code min(max, base * 2^k)}, scaled by the jitter ("full"
 * jitter draws uniformly in [0, that], as in the AWS architecture blog's analysis).
 */
public record BackoffSpec(double base, double max, Jitter jitter) {

  /** Jitter applied to the backoff delay. */
  public enum Jitter {
    FULL,
    EQUAL,
    NONE
  }

  /** 100 ms base, 5 s cap, full jitter. */
  public static BackoffSpec defaults() {
    return new BackoffSpec(0.1, 5.0, Jitter.FULL);
  }
}
