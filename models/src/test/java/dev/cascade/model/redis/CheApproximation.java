package dev.cascade.model.redis;

/**
 * The Che approximation of an LRU cache under independent requests (Che, Tung and Wang,
 * "Hierarchical Web caching systems: modeling, design and experimental results", IEEE JSAC 20(7),
 * 2002): with request probabilities {@code q_i} and a cache of {@code C} keys, the characteristic
 * time {@code T} solves {@code sum_i (1 - exp(-q_i T)) = C} and the hit ratio is {@code sum_i q_i
 * (1 - exp(-q_i T))}. For Zipf popularity as drawn by {@code ZipfKeys}: {@code q_k} proportional to
 * {@code 1/(k+1)^s}.
 */
final class CheApproximation {
  private CheApproximation() {}

  /** Request probabilities of ranks 0..keys-1 under Zipf exponent {@code s}. */
  static double[] zipf(int keys, double s) {
    double[] q = new double[keys];
    double sum = 0;
    for (int k = 0; k < keys; k++) {
      q[k] = Math.pow(k + 1, -s);
      sum += q[k];
    }
    for (int k = 0; k < keys; k++) {
      q[k] /= sum;
    }
    return q;
  }

  /** The LRU hit ratio of a cache of {@code cacheKeys} keys (0 < cacheKeys < q.length). */
  static double hitRatio(double[] q, double cacheKeys) {
    if (!(cacheKeys > 0 && cacheKeys < q.length)) {
      throw new IllegalArgumentException("cache must hold between 0 and all keys: " + cacheKeys);
    }
    double low = 0;
    double high = 1;
    while (occupancy(q, high) < cacheKeys) {
      high *= 2;
    }
    for (int i = 0; i < 200 && high - low > 1e-9 * high; i++) {
      double mid = (low + high) / 2;
      if (occupancy(q, mid) < cacheKeys) {
        low = mid;
      } else {
        high = mid;
      }
    }
    double t = (low + high) / 2;
    double hits = 0;
    for (double p : q) {
      hits += p * -Math.expm1(-p * t);
    }
    return hits;
  }

  /** Expected number of distinct keys requested within {@code t} requests. */
  private static double occupancy(double[] q, double t) {
    double keys = 0;
    for (double p : q) {
      keys += -Math.expm1(-p * t);
    }
    return keys;
  }
}
