package dev.cascade.scenario.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.scenario.Fixtures;
import dev.cascade.scenario.output.SummaryJson;
import dev.cascade.scenario.spec.Case;
import dev.cascade.scenario.spec.Scenario;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ScenarioRunnerTest {

  /** Two variants, three replications, a sweep of two points. */
  static final String VARIED =
      Fixtures.SMALL
          + "variants:\n"
          + "  with-breaker: {}\n"
          + "  without-breaker:\n"
          + "    set:\n"
          + "      app.steps[1].cache_aside.breaker: none\n"
          + "sweep:\n"
          + "  db.capacity: [5k/s, 10k/s]\n";

  private static Scenario varied() {
    return Fixtures.load(VARIED, "replications=3");
  }

  private static String summaryWithoutWallTime(ScenarioResult r) {
    StringWriter w = new StringWriter();
    SummaryJson.write(r, "test", w);
    return w.toString().replaceAll("\"wall_s\": [^,]+,", "\"wall_s\": 0,");
  }

  @Test
  void results_areInCaseOrderWithEveryReplication() {
    Scenario s = varied();
    ScenarioResult r = ScenarioRunner.run(s, s.cases(List.of(), true), RunOptions.jobs(2));
    assertThat(r.cases())
        .extracting(c -> c.kase().label())
        .containsExactly(
            "with-breaker[db.capacity=5k/s]",
            "with-breaker[db.capacity=10k/s]",
            "without-breaker[db.capacity=5k/s]",
            "without-breaker[db.capacity=10k/s]");
    assertThat(r.complete()).isTrue();
    for (CaseResult c : r.cases()) {
      assertThat(c.runs()).hasSize(3);
      assertThat(c.summary().replications()).isEqualTo(3);
      assertThat(c.summary().windows()).isEqualTo(c.kase().windows());
    }
    assertThat(r.events()).isPositive();
  }

  @Test
  void summary_isByteIdenticalWhateverTheNumberOfJobs() {
    Scenario s = varied();
    List<Case> cases = s.cases(List.of(), true);
    String one = summaryWithoutWallTime(ScenarioRunner.run(s, cases, RunOptions.jobs(1)));
    String two = summaryWithoutWallTime(ScenarioRunner.run(s, cases, RunOptions.jobs(2)));
    String four = summaryWithoutWallTime(ScenarioRunner.run(s, cases, RunOptions.jobs(4)));
    assertThat(two).isEqualTo(one);
    assertThat(four).isEqualTo(one);
  }

  @Test
  void summary_isByteIdenticalWhenThreadsTakeTurnsOnMoreResidentRuns() {
    Scenario s = varied();
    List<Case> cases = s.cases(List.of(), true);
    String one = summaryWithoutWallTime(ScenarioRunner.run(s, cases, RunOptions.jobs(1)));
    // 12 runs: 1 thread over 5 resident runs, and 2 threads over 4 or all 12
    for (RunOptions o :
        List.of(
            RunOptions.jobs(1).withResident(5),
            RunOptions.jobs(2).withResident(4),
            RunOptions.jobs(2).withResident(12))) {
      assertThat(summaryWithoutWallTime(ScenarioRunner.run(s, cases, o)))
          .as("jobs %d, resident %d", o.jobs(), o.resident())
          .isEqualTo(one);
    }
  }

  @Test
  void residentRuns_advanceTogether() {
    // One thread, three resident runs of 60 s each, in turns of 1 s. Cancelled at 150 s of the
    // 180 s in all: taking turns, every run is at about 50 s and none has finished (one after the
    // other, two would have).
    Scenario s = varied();
    List<Case> cases = s.cases(List.of(), false).subList(0, 1);
    Cancellation cancel = new Cancellation();
    RunOptions options =
        RunOptions.jobs(1)
            .withResident(3)
            .withCancellation(cancel)
            .withProgress(stopAt(150, cancel));
    ScenarioResult r = ScenarioRunner.run(s, cases, options);
    assertThat(r.cases().get(0).runs()).isEmpty();

    Cancellation cancel2 = new Cancellation();
    RunOptions oneByOne =
        RunOptions.jobs(1).withCancellation(cancel2).withProgress(stopAt(150, cancel2));
    assertThat(ScenarioRunner.run(s, cases, oneByOne).cases().get(0).runs()).hasSize(2);
  }

  private static ProgressListener stopAt(double seconds, Cancellation cancel) {
    return (done, total) -> {
      if (done >= seconds) {
        cancel.cancel();
      }
    };
  }

  @Test
  void runTasks_runsTheGivenRunsOnly_inTheGivenOrder() {
    Scenario s = varied();
    List<Case> cases = s.cases(List.of(), true); // 4 cases x 3 replications
    ScenarioResult full = ScenarioRunner.run(s, cases, RunOptions.jobs(1));
    int[] tasks = {11, 0, 4};
    dev.cascade.core.result.RunResult[] some =
        ScenarioRunner.runTasks(s, cases, tasks, RunOptions.jobs(2).withResident(3));
    assertThat(some).hasSize(3).doesNotContainNull();
    for (int i = 0; i < tasks.length; i++) {
      dev.cascade.core.result.RunResult expected =
          full.cases().get(tasks[i] / 3).runs().get(tasks[i] % 3);
      assertThat(some[i].metrics()).isEqualTo(expected.metrics());
      for (String m : expected.metrics()) {
        assertThat(java.util.Arrays.equals(some[i].series(m), expected.series(m)))
            .as("run %d, %s", tasks[i], m)
            .isTrue();
      }
    }
  }

  @Test
  void aFailingRun_stopsTheOthers_andIsRethrown() {
    // A failure on a worker thread (here the progress callback, as a model bug would be) must
    // not hang the threads that take turns: the others stop and the first failure is rethrown.
    Scenario s = varied();
    List<Case> cases = s.cases(List.of(), true);
    AtomicInteger calls = new AtomicInteger();
    RunOptions options =
        RunOptions.jobs(2)
            .withResident(4)
            .withProgress(
                (done, total) -> {
                  if (calls.incrementAndGet() == 20) {
                    throw new IllegalArgumentException("boom");
                  }
                });
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ScenarioRunner.run(s, cases, options))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("a simulation run failed")
        .hasRootCauseMessage("boom");
    assertThat(calls.get()).isLessThan(12 * 60); // stopped early: 12 runs x 60 turns in all
  }

  @Test
  void resident_isAtLeastJobs() {
    assertThat(RunOptions.jobs(3).resident()).isEqualTo(3);
    assertThat(RunOptions.jobs(3).withResident(1).resident()).isEqualTo(3);
    assertThat(RunOptions.jobs(3).withResident(7).resident()).isEqualTo(7);
  }

  @Test
  void progress_reachesTheTotalOfAllRuns() {
    Scenario s = varied();
    List<double[]> seen = new ArrayList<>();
    RunOptions options =
        RunOptions.jobs(2).withProgress((done, total) -> seen.add(new double[] {done, total}));
    ScenarioRunner.run(s, s.cases(), options);
    double total = 2 * 3 * 60.0;
    assertThat(seen).isNotEmpty().allSatisfy(p -> assertThat(p[1]).isEqualTo(total));
    assertThat(seen.get(seen.size() - 1)[0]).isEqualTo(total);
    for (int i = 1; i < seen.size(); i++) {
      assertThat(seen.get(i)[0]).isGreaterThanOrEqualTo(seen.get(i - 1)[0]);
    }
  }

  @Test
  void cancelledBeforeStart_marksEverythingIncomplete() {
    Scenario s = varied();
    Cancellation cancel = new Cancellation();
    cancel.cancel();
    ScenarioResult r =
        ScenarioRunner.run(s, s.cases(), RunOptions.jobs(2).withCancellation(cancel));
    assertThat(r.complete()).isFalse();
    assertThat(r.cases()).allSatisfy(c -> assertThat(c.summary()).isNull());
    assertThat(summaryWithoutWallTime(r)).contains("\"incomplete\": true");
  }

  @Test
  void cancelledMidway_keepsFinishedRunsAndMarksTheRest() {
    Scenario s = varied();
    Cancellation cancel = new Cancellation();
    AtomicInteger calls = new AtomicInteger();
    RunOptions options =
        RunOptions.jobs(1)
            .withCancellation(cancel)
            .withProgress(
                (done, total) -> {
                  // a little after the first run (60 s simulated) finished
                  if (done >= 70 && calls.getAndIncrement() == 0) {
                    cancel.cancel();
                  }
                });
    ScenarioResult r = ScenarioRunner.run(s, s.cases(), options);
    assertThat(r.complete()).isFalse();
    CaseResult first = r.cases().get(0);
    assertThat(first.runs()).hasSize(1);
    assertThat(first.complete()).isFalse();
    assertThat(first.summary()).isNotNull();
    assertThat(r.cases().get(1).runs()).isEmpty();
    assertThat(summaryWithoutWallTime(r)).contains("\"replications_completed\": 1");
  }
}
