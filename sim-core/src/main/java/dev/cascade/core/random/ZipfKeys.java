package dev.cascade.core.random;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.RejectionInversionZipfSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;

/**
 * Key popularity of a workload ({@code keys: {space: 10M, zipf: 0.99}}): the key of each request is
 * drawn by rank from a Zipf law over {@code keys} keys, P(rank k) proportional to 1 / (k+1)^s, so
 * rank 0 is the hottest key. Exponent 0 gives uniform popularity; web proxy traces show about 0.64
 * to 0.83 (Breslau et al., "Web caching and Zipf-like distributions: evidence and implications",
 * INFOCOM 1999). Sampling is the rejection-inversion method of Hörmann and Derflinger (ACM TOMACS
 * 1996) via Apache Commons RNG: O(1) per draw and no table, so a key space of billions costs
 * nothing up front.
 */
public final class ZipfKeys {
  private final SharedStateDiscreteSampler sampler;
  private final int keys;
  private final double exponent;

  /**
   * Creates a key sampler.
   *
   * @param rng the stream to draw from
   * @param keys number of distinct keys, at least 1
   * @param exponent Zipf exponent s, at least 0 (0 = uniform)
   * @throws IllegalArgumentException if keys < 1 or exponent is negative or not finite
   */
  public ZipfKeys(UniformRandomProvider rng, int keys, double exponent) {
    if (keys < 1) {
      throw new IllegalArgumentException("need at least one key, got " + keys);
    }
    if (!(exponent >= 0) || !Double.isFinite(exponent)) {
      throw new IllegalArgumentException("Zipf exponent must be finite and >= 0: " + exponent);
    }
    this.sampler = RejectionInversionZipfSampler.of(rng, keys, exponent);
    this.keys = keys;
    this.exponent = exponent;
  }

  /** Draws the popularity rank of the next key, in [0, keys); 0 is the most popular. */
  public int next() {
    return sampler.sample() - 1;
  }

  /** The number of distinct keys. */
  public int keys() {
    return keys;
  }

  /** The Zipf exponent s. */
  public double exponent() {
    return exponent;
  }
}
