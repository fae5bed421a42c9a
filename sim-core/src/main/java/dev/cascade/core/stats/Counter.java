package dev.cascade.core.stats;

/**
 * A monotonic event count (requests offered, 503s, cache hits). A counter has no name of its own:
 * it feeds named {@linkplain MetricRegistry#rate rates} and {@linkplain MetricRegistry#ratio
 * ratios}, and one counter may feed several metrics (offered attempts are both a rate and the
 * denominator of every outcome ratio). Each metric remembers the count it last saw, so the counter
 * is never reset.
 */
public final class Counter {

  private long count;

  Counter() {}

  /** Counts one occurrence. */
  public void inc() {
    count++;
  }

  /**
   * Counts {@code n} occurrences.
   *
   * @throws IllegalArgumentException if {@code n} is negative
   */
  public void add(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("a counter only grows, got " + n);
    }
    count += n;
  }

  /** Occurrences counted since the counter was created. */
  public long count() {
    return count;
  }
}
