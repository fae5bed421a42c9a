package dev.cascade.scenario.bind;

import dev.cascade.core.unit.UnitException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The slice of the system a scenario simulates ({@code scale: 1/16} or {@code 0.0625}): the binder
 * multiplies every total by the factor and leaves everything per unit alone.
 *
 * <p>Scaled: workload rates (constant and profile), gateway rate limits (rate and burst) and
 * shedding limits, service {@code instances}, database {@code nodes} and autoscale {@code add} and
 * {@code max}, worker {@code consumers}, {@code kill_nodes} counts, and thresholds of conditions
 * and checks on {@code _rps} metrics. Counts are rounded to the nearest whole number and kept at
 * least 1. Not scaled: per-instance and per-node figures (threads, queues, capacity, workers,
 * connections), latencies, timeouts, Redis (shards, memory, key growth) and key spaces.
 *
 * <p>The slice is exact only when it is symmetric: traffic is routed uniformly over instances and
 * nodes, every scaled count is a whole multiple of {@code 1/factor} (16 nodes at 1/16 is one node;
 * 16 nodes at 1/100 rounds up to one node and quadruples the per-node headroom), and no shared
 * component sees the whole system's load (a single Redis at 1/16 serves 1/16 of the operations, so
 * its queueing and memory differ from the full system's). Reports state the scale.
 *
 * <p>With {@code scale_pools: proportional} (an addition to the format, see {@link Pools}) a count
 * that does not come out whole no longer changes the slice's capacity: each simulated unit carries
 * {@code count x factor / simulated} of a real unit's pools ({@link Units}), so 16 nodes at 1/32
 * are one node with half a node's capacity and connections.
 *
 * @param factor the fraction in (0, 1]
 * @param text as written, e.g. {@code 1/16}
 * @param numerator exact numerator of the fraction (the decimal itself for {@code 0.25})
 * @param denominator exact denominator (1 for a decimal)
 */
record Scale(double factor, String text, BigDecimal numerator, BigDecimal denominator) {

  static final Scale ONE = new Scale(1, "1", BigDecimal.ONE, BigDecimal.ONE);

  private static final String EXPECTED = "a fraction in (0,1], e.g. 1/16 or 0.25";

  static Scale parse(String text) {
    String t = text.strip();
    BigDecimal num;
    BigDecimal den = BigDecimal.ONE;
    try {
      int slash = t.indexOf('/');
      if (slash >= 0) {
        num = new BigDecimal(t.substring(0, slash).strip());
        den = new BigDecimal(t.substring(slash + 1).strip());
      } else {
        num = new BigDecimal(t);
      }
    } catch (NumberFormatException e) {
      throw new UnitException(text, "scale", EXPECTED);
    }
    if (num.signum() <= 0 || den.signum() <= 0 || num.compareTo(den) > 0) {
      throw new UnitException(text, "scale", EXPECTED);
    }
    double factor = num.divide(den, MathContext.DECIMAL64).doubleValue();
    return new Scale(factor, t, num, den);
  }

  /**
   * How a count that is not a whole number of units in the slice is simulated ({@code
   * scale_pools}).
   */
  enum Pools {
    /**
     * The format's rule: the count is rounded (at least 1) and each unit keeps a real unit's pools,
     * so the slice may hold more (or less) capacity than its share.
     */
    PER_UNIT,
    /**
     * The count is rounded (at least 1) and each unit's pools (threads, queue, capacity or workers,
     * connections) are multiplied by {@link Units#share()}, so the slice holds exactly its share.
     */
    PROPORTIONAL
  }

  /**
   * A count of {@code real} units (instances, nodes) as simulated in the slice.
   *
   * @param real the count written in the scenario (the whole system's)
   * @param simulated units simulated in the slice: {@code real x factor}, rounded, at least 1
   * @param share real units one simulated unit stands for: {@code real x factor / simulated} with
   *     proportional pools, else 1
   */
  record Units(int real, int simulated, double share) {

    /**
     * A pool of a real unit (threads, queue slots, workers, connections) for one simulated unit.
     */
    int pool(int perUnit) {
      if (share == 1 || perUnit == 0) {
        return perUnit;
      }
      return (int) Math.max(1, Math.round(perUnit * share));
    }

    /** A rate of a real unit (per-node capacity) for one simulated unit. */
    double rate(double perUnit) {
      return perUnit * share;
    }

    /**
     * {@code k} real units in simulated units of this size: {@code k x simulated / real}, rounded
     * half up, at least 1 (0 stays 0).
     */
    private int of(int k) {
      if (k == 0) {
        return 0;
      }
      long twice = 2L * k * simulated + real;
      return (int) Math.max(1, twice / (2L * real));
    }
  }

  /** {@code real} units of one component in the slice, with {@code pools}. */
  Units units(int real, Pools pools) {
    int simulated = count(real);
    if (pools == Pools.PER_UNIT || real == 0) {
      return new Units(real, simulated, 1);
    }
    BigDecimal share =
        BigDecimal.valueOf(real)
            .multiply(numerator)
            .divide(denominator.multiply(BigDecimal.valueOf(simulated)), MathContext.DECIMAL64);
    return new Units(
        real, simulated, share.compareTo(BigDecimal.ONE) == 0 ? 1 : share.doubleValue());
  }

  /**
   * A count of real units of a component with {@code units} (autoscale {@code add} and {@code max},
   * {@code kill_nodes}): by {@link #count(int)} when its units are whole real units, else in units
   * of its size ({@code k x simulated / real}, rounded half up, at least 1).
   */
  int count(int k, Units units) {
    return units.share() == 1 ? count(k) : units.of(k);
  }

  /** A total rate (or an amount of tokens) of the whole system, scaled to the slice. */
  double rate(double perSecond) {
    return perSecond * factor;
  }

  /**
   * A count of instances or nodes, scaled exactly, rounded half up and kept at least 1 (0 stays 0).
   */
  int count(int n) {
    if (factor == 1 || n == 0) {
      return n;
    }
    BigDecimal scaled =
        BigDecimal.valueOf(n).multiply(numerator).divide(denominator, 0, RoundingMode.HALF_UP);
    return Math.max(1, scaled.intValueExact());
  }
}
