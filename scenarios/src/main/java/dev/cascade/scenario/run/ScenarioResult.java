package dev.cascade.scenario.run;

import dev.cascade.scenario.spec.Scenario;
import java.util.List;

/**
 * Everything a scenario run produced: one {@link CaseResult} per case in the order asked, and the
 * wall-clock time it took (the only part that depends on the machine).
 */
public record ScenarioResult(Scenario scenario, List<CaseResult> cases, double wallSeconds) {

  public ScenarioResult {
    cases = List.copyOf(cases);
  }

  /** Whether every replication of every case finished (false after a cancellation). */
  public boolean complete() {
    return cases.stream().allMatch(CaseResult::complete);
  }

  /** Whether every check of every case passed. */
  public boolean passed() {
    return cases.stream().allMatch(CaseResult::passed);
  }

  /** Engine events fired over all runs. */
  public long events() {
    return cases.stream().flatMap(c -> c.runs().stream()).mapToLong(r -> r.eventsProcessed()).sum();
  }
}
