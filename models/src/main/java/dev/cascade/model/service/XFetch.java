package dev.cascade.model.service;

/**
 * Probabilistic early expiration, "XFetch" (Vattani, Chierichetti and Lowenstein, "Optimal
 * Probabilistic Cache Stampede Prevention", PVLDB 8(8), 2015): a reader recomputes a cached value
 * before it expires when {@code now - delta * beta * ln(U) >= expiry}, with U uniform in (0,1],
 * delta the time a recompute takes and beta >= 0 (1 is the paper's choice; larger recomputes
 * earlier). The probability of recomputing at time x before expiry is {@code exp(-x / (delta
 * beta))}, so one reader usually refreshes a hot key just before it expires and the crowd never
 * sees it missing.
 */
public final class XFetch {

  private XFetch() {}

  /** Whether a reader drawing {@code u} in (0,1] recomputes now. */
  public static boolean recompute(double now, double expiry, double delta, double beta, double u) {
    if (!Double.isFinite(expiry)) {
      return false;
    }
    return now - delta * beta * Math.log(u) >= expiry;
  }

  /** Probability that a reader recomputes {@code timeToExpiry} seconds before expiry. */
  public static double probability(double timeToExpiry, double delta, double beta) {
    if (timeToExpiry <= 0) {
      return 1;
    }
    if (!(delta * beta > 0)) {
      return 0;
    }
    return Math.exp(-timeToExpiry / (delta * beta));
  }
}
