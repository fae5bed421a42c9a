package dev.cascade.scenario.run;

import dev.cascade.core.result.RunResult;
import dev.cascade.core.result.Summary;
import dev.cascade.scenario.spec.Case;
import java.util.List;

/**
 * The results of one case: the replications that finished (in replication order), their summary,
 * and the checks that apply to its variant.
 *
 * @param requested replications asked for
 * @param runs the replications that finished, in replication order (after a cancellation they may
 *     be fewer than requested, and not necessarily the first ones)
 * @param summary the finished replications combined (its events are the first finished one's), or
 *     null when none finished
 * @param checks check results (empty when none finished)
 */
public record CaseResult(
    Case kase, int requested, List<RunResult> runs, Summary summary, List<CheckResult> checks) {

  public CaseResult {
    runs = List.copyOf(runs);
    checks = List.copyOf(checks);
  }

  /** Whether every requested replication finished. */
  public boolean complete() {
    return runs.size() == requested;
  }

  /** Whether every check passed. */
  public boolean passed() {
    return checks.stream().allMatch(CheckResult::passed);
  }
}
