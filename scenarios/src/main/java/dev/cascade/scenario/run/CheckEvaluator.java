package dev.cascade.scenario.run;

import dev.cascade.core.result.Summary;
import dev.cascade.core.stats.ReplicationStat;
import dev.cascade.scenario.spec.CheckSpec;
import java.util.List;
import java.util.Map;

/**
 * Evaluates checks on the replications of one case: the mean over replications of the statistic
 * against the bound (inclusive), {@code marginal} when the 95% confidence interval contains a
 * bound. A bound on an {@code _rps} metric is multiplied by the case's scale first. A statistic
 * without data (a metric the model did not produce, an empty window) fails.
 */
public final class CheckEvaluator {

  private CheckEvaluator() {}

  /** The results of {@code checks} on {@code summary}, in order. */
  public static List<CheckResult> evaluate(List<CheckSpec> checks, Summary summary, double scale) {
    return checks.stream().map(c -> evaluate(c, summary, scale)).toList();
  }

  /** The result of one check on {@code summary} of a run at {@code scale}. */
  public static CheckResult evaluate(CheckSpec check, Summary summary, double scale) {
    ReplicationStat s = stat(check, summary);
    double factor = check.scaled() ? scale : 1;
    double min = check.min() * factor;
    double max = check.max() * factor;
    double mean = s.mean();
    boolean passed =
        !Double.isNaN(mean)
            && (Double.isNaN(min) || mean >= min)
            && (Double.isNaN(max) || mean <= max);
    boolean marginal =
        !Double.isNaN(mean)
            && s.ci95() > 0
            && (!Double.isNaN(min) && s.contains(min) || !Double.isNaN(max) && s.contains(max));
    return new CheckResult(check, mean, s.ci95(), passed, marginal);
  }

  private static ReplicationStat stat(CheckSpec check, Summary summary) {
    Map<String, Map<String, ReplicationStat>> perWindow = summary.stats().get(check.metric());
    if (perWindow == null) {
      return ReplicationStat.EMPTY;
    }
    Map<String, ReplicationStat> perStat = perWindow.get(check.window());
    if (perStat == null) {
      return ReplicationStat.EMPTY;
    }
    return perStat.getOrDefault(check.stat(), ReplicationStat.EMPTY);
  }
}
