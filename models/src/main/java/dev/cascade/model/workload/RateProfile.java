package dev.cascade.model.workload;

import dev.cascade.model.spec.WorkloadSpec;
import java.util.List;

/**
 * A piecewise rate over time: constant between points, moving linearly to a point's rate over its
 * {@code ramp} starting at its {@code at}. A multiplier (traffic spikes) scales the whole profile.
 */
final class RateProfile {

  private final double[] at;
  private final double[] rate;
  private final double[] ramp;
  private final double max;

  RateProfile(double constantRate, List<WorkloadSpec.ProfilePoint> points) {
    if (points.isEmpty()) {
      at = new double[] {0};
      rate = new double[] {constantRate};
      ramp = new double[] {0};
    } else {
      at = new double[points.size()];
      rate = new double[points.size()];
      ramp = new double[points.size()];
      for (int i = 0; i < points.size(); i++) {
        at[i] = points.get(i).at();
        rate[i] = points.get(i).rate();
        ramp[i] = points.get(i).ramp();
      }
    }
    double m = 0;
    for (double r : rate) {
      m = Math.max(m, r);
    }
    this.max = m;
  }

  /** The rate at time t (before the first point: the first point's rate). */
  double rateAt(double t) {
    int i = at.length - 1;
    while (i > 0 && at[i] > t) {
      i--;
    }
    if (i == 0 && t < at[0]) {
      return rate[0];
    }
    double prev = i == 0 ? rate[0] : rateAt(at[i] - 1e-12);
    if (ramp[i] > 0 && t < at[i] + ramp[i]) {
      return prev + (rate[i] - prev) * (t - at[i]) / ramp[i];
    }
    return rate[i];
  }

  /** Highest rate anywhere (the thinning bound). */
  double maxRate() {
    return max;
  }

  /** Whether the rate never changes. */
  boolean constant() {
    return at.length == 1;
  }
}
