package dev.cascade.core.analytic;

/**
 * Steady-state formulas for single-station queues with Poisson arrivals at rate λ and FIFO service
 * at rate μ per server; wait means time in queue and sojourn means wait plus service. References:
 * Kleinrock, "Queueing Systems, Volume 1: Theory" (1975), chapter 3 (M/M/1, M/M/c) and chapter 5
 * (M/G/1, the Pollaczek-Khinchine mean-value formula); Gross, Shortle, Thompson and Harris,
 * "Fundamentals of Queueing Theory" (4th ed., 2008), chapter 2 for the M/M/c waiting-time
 * distribution.
 *
 * <p>Every method requires λ >= 0, μ > 0, both finite, and a stable queue (ρ < 1); otherwise it
 * throws {@link IllegalArgumentException}.
 */
public final class Queueing {
  private Queueing() {}

  /** M/M/1 mean sojourn time: W = 1 / (μ - λ). */
  public static double mm1MeanSojourn(double lambda, double mu) {
    checkStable(lambda, mu, 1);
    return 1 / (mu - lambda);
  }

  /** M/M/1 mean wait in queue: Wq = ρ / (μ - λ) with ρ = λ / μ. */
  public static double mm1MeanWait(double lambda, double mu) {
    checkStable(lambda, mu, 1);
    return (lambda / mu) / (mu - lambda);
  }

  /**
   * M/M/1 sojourn-time quantile: the sojourn time is exponential with rate μ - λ, so its p-quantile
   * is ln(1 / (1 - p)) / (μ - λ).
   *
   * @param p the probability, in [0, 1)
   */
  public static double mm1SojournQuantile(double lambda, double mu, double p) {
    checkStable(lambda, mu, 1);
    checkProbability(p);
    return -Math.log1p(-p) / (mu - lambda);
  }

  /**
   * Erlang C: the probability that an arrival at an M/M/c queue has to wait, C(c, A) with offered
   * load A = λ / μ. Computed from the Erlang B recursion B(0) = 1, B(k) = A B(k-1) / (k + A
   * B(k-1)), then C = c B / (c - A (1 - B)), which stays within [0, 1] at every step and so is
   * stable for thousands of servers where factorial formulas overflow.
   *
   * @param servers c, at least 1
   */
  public static double erlangC(int servers, double lambda, double mu) {
    checkStable(lambda, mu, servers);
    double load = lambda / mu;
    double erlangB = 1;
    for (int k = 1; k <= servers; k++) {
      erlangB = load * erlangB / (k + load * erlangB);
    }
    return servers * erlangB / (servers - load * (1 - erlangB));
  }

  /** M/M/c mean wait in queue: Wq = C(c, A) / (c μ - λ). */
  public static double mmcMeanWait(int servers, double lambda, double mu) {
    return erlangC(servers, lambda, mu) / (servers * mu - lambda);
  }

  /** M/M/c mean sojourn time: W = Wq + 1 / μ. */
  public static double mmcMeanSojourn(int servers, double lambda, double mu) {
    return mmcMeanWait(servers, lambda, mu) + 1 / mu;
  }

  /**
   * M/M/c waiting-time quantile. The wait is 0 with probability 1 - C and otherwise exponential
   * with rate c μ - λ, so P(Wq > t) = C e^(-(c μ - λ) t) and the p-quantile is 0 for p <= 1 - C and
   * ln(C / (1 - p)) / (c μ - λ) above.
   *
   * @param p the probability, in [0, 1)
   */
  public static double mmcWaitQuantile(int servers, double lambda, double mu, double p) {
    checkProbability(p);
    double waitProbability = erlangC(servers, lambda, mu);
    if (1 - p >= waitProbability) {
      return 0;
    }
    return Math.log(waitProbability / (1 - p)) / (servers * mu - lambda);
  }

  /** M/D/1 mean wait (Pollaczek-Khinchine with constant service): Wq = ρ / (2 μ (1 - ρ)). */
  public static double md1MeanWait(double lambda, double mu) {
    return mg1MeanWait(lambda, mu, 0);
  }

  /**
   * M/G/1 mean wait (Pollaczek-Khinchine): Wq = ρ (1 + c²) / (2 μ (1 - ρ)), where c² is the squared
   * coefficient of variation of the service time (0 constant, 1 exponential).
   *
   * @param serviceScv c² = Var[S] / E[S]², finite and >= 0
   */
  public static double mg1MeanWait(double lambda, double mu, double serviceScv) {
    checkStable(lambda, mu, 1);
    if (!(serviceScv >= 0) || !Double.isFinite(serviceScv)) {
      throw new IllegalArgumentException("service SCV must be finite and >= 0: " + serviceScv);
    }
    double rho = lambda / mu;
    return rho * (1 + serviceScv) / (2 * mu * (1 - rho));
  }

  /**
   * Little's law: the mean number in a stable system is L = λ W, for any arrival process and
   * service discipline (Little 1961).
   */
  public static double meanInSystem(double lambda, double meanSojourn) {
    if (!(lambda >= 0)
        || !(meanSojourn >= 0)
        || !Double.isFinite(lambda)
        || !Double.isFinite(meanSojourn)) {
      throw new IllegalArgumentException(
          "need finite lambda >= 0 and sojourn >= 0: " + lambda + ", " + meanSojourn);
    }
    return lambda * meanSojourn;
  }

  private static void checkStable(double lambda, double mu, int servers) {
    if (!(lambda >= 0) || !Double.isFinite(lambda) || !(mu > 0) || !Double.isFinite(mu)) {
      throw new IllegalArgumentException(
          "need finite arrival rate >= 0 and service rate > 0: " + lambda + ", " + mu);
    }
    if (servers < 1) {
      throw new IllegalArgumentException("need at least one server: " + servers);
    }
    double rho = lambda / (servers * mu);
    if (rho >= 1) {
      throw new IllegalArgumentException(
          "unstable queue: utilization " + rho + " >= 1 (lambda " + lambda + ", mu " + mu + ")");
    }
  }

  private static void checkProbability(double p) {
    if (!(p >= 0 && p < 1)) {
      throw new IllegalArgumentException("probability must be in [0, 1): " + p);
    }
  }
}
