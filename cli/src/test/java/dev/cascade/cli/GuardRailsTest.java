package dev.cascade.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cascade.cli.CliTest.Result;
import dev.cascade.scenario.bind.LoadOptions;
import dev.cascade.scenario.bind.ScenarioLoader;
import dev.cascade.scenario.run.RunOptions;
import dev.cascade.scenario.run.ScenarioResult;
import dev.cascade.scenario.run.ScenarioRunner;
import dev.cascade.scenario.spec.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The estimates checked before a run ({@link RunBudget}): a run estimated over the wall-time limit
 * needs {@code --force}, one that cannot fit in the heap is refused, both with exit 2 before any
 * simulation and with nothing written.
 */
class GuardRailsTest {

  @TempDir Path tmp;

  /** A service reading through a Redis cache into a database. */
  static String scenario(String rate, String horizon, String keys) {
    return """
        scenario: guard
        horizon: %s
        replications: 3
        workload:
          users:
            entry: app
            rate: %s
        %s
        components:
          app:
            kind: service
            instances: 4
            threads: 50
            steps:
              - work: exp(1ms)
              - cache_aside: {cache: redis, source: db}
          redis:
            kind: redis
            hit_ratio: 0.9
          db:
            kind: database
            nodes: 2
            capacity: 10k/s
        variants:
          small: {}
          large:
            set: {app.instances: 8}
        """
        .formatted(horizon, rate, keys);
  }

  private Path write(String text) throws IOException {
    Path f = tmp.resolve("guard.yaml");
    Files.writeString(f, text);
    return f;
  }

  @Test
  void longRun_refusedWithTheEstimate_exit2_nothingWritten() throws IOException {
    Path f = write(scenario("1M/s", "2h", ""));
    Path out = tmp.resolve("out");
    long start = System.nanoTime();
    Result r = CliTest.cascade("run", f.toString(), "-o", out.toString(), "--quiet", "--jobs", "2");
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.BAD_INPUT);
    // 1M/s x 7200 s x 2 variants x 3 replications x 3.7 events per request = 1.6e11 events
    assertThat(r.err())
        .contains("this would take about")
        .contains("159.8G events at 3.0M events/s per core, 2 at a time")
        .contains("more than the 10m limit")
        .contains("--force")
        .doesNotContain("Exception");
    assertThat(out).doesNotExist();
    // refused from the estimate, without simulating (a run would take hours)
    assertThat((System.nanoTime() - start) / 1e9).isLessThan(60);
  }

  @Test
  void overTheLimit_force_runs() throws IOException {
    Path f = write(scenario("100/s", "5s", ""));
    Path out = tmp.resolve("out");
    String old = System.setProperty(RunBudget.WALL_LIMIT_PROPERTY, "0.000001");
    try {
      Result refused = CliTest.cascade("run", f.toString(), "-o", out.toString(), "--quiet");
      assertThat(refused.code()).isEqualTo(ExitCodes.BAD_INPUT);
      assertThat(refused.err()).contains("--force");
      assertThat(out).doesNotExist();
      Result forced =
          CliTest.cascade(
              "run", f.toString(), "-o", out.toString(), "--quiet", "--no-charts", "--force");
      assertThat(forced.code()).as(forced.err()).isZero();
      assertThat(out.resolve("summary.json")).exists();
    } finally {
      if (old == null) {
        System.clearProperty(RunBudget.WALL_LIMIT_PROPERTY);
      } else {
        System.setProperty(RunBudget.WALL_LIMIT_PROPERTY, old);
      }
    }
  }

  @Test
  void keyLevelCacheLargerThanTheHeap_refusedBeforeAllocating_exit2() throws IOException {
    // 2G keys: 20 bytes a key (16, and 4 more while growing) is 37 GB, more than any test heap
    Path f = write(scenario("10/s", "10s", "    keys: {space: 2G, zipf: 0.9}"));
    Path out = tmp.resolve("out");
    Result r = CliTest.cascade("run", f.toString(), "-o", out.toString(), "--quiet");
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err())
        .contains("this needs about 37.3 GB of heap")
        .contains("lower the key space")
        .contains("-Xmx")
        .doesNotContain("OutOfMemoryError");
    assertThat(out).doesNotExist();
  }

  @Test
  void manyRunsThatDoNotFitTogether_runFewerAtATime() throws IOException {
    Scenario s = load(scenario("10/s", "10s", "    keys: {space: 10M, zipf: 0.9}"));
    long oneRun = RunBudget.stateBytes(s.base());
    assertThat(oneRun).isBetween(200_000_000L, 201_000_000L); // 20 bytes per key at the peak
    long heap = (long) ((2.5 * oneRun) / RunBudget.HEAP_SHARE);
    RunBudget.Estimate e = RunBudget.estimate(s, s.cases(), 8, heap);
    assertThat(e.jobs()).isEqualTo(2);
    assertThat(e.resident()).isEqualTo(2); // no room for a third run to take turns with
    assertThat(RunBudget.estimate(s, s.cases(), 8, 100 * heap).jobs()).isEqualTo(6); // 6 runs
  }

  @Test
  void threadsTakeTurnsOnUpToTwiceAsManyRuns_asTheHeapAllows() throws IOException {
    Scenario s = load(scenario("10/s", "10s", "    keys: {space: 10M, zipf: 0.9}"));
    long oneRun = RunBudget.stateBytes(s.base());
    long roomy = 100 * oneRun;
    assertThat(RunBudget.estimate(s, s.cases(), 2, roomy).resident()).isEqualTo(4);
    assertThat(RunBudget.estimate(s, s.cases(), 1, roomy).resident()).isEqualTo(2);
    assertThat(RunBudget.estimate(s, s.cases(), 4, roomy).resident()).isEqualTo(6); // 6 runs
    long forThree = (long) ((3.5 * oneRun) / RunBudget.HEAP_SHARE);
    RunBudget.Estimate e = RunBudget.estimate(s, s.cases(), 2, forThree);
    assertThat(e.jobs()).isEqualTo(2);
    assertThat(e.resident()).isEqualTo(3);
  }

  @Test
  void longHorizonWithFineSamples_resultsCountedForEveryRun() throws IOException {
    Scenario s = load(scenario("10/s", "30d", ""));
    // 2,592,000 intervals x 8 bytes x metrics of 1 workload, 3 components; 2 cases x (3 + 1)
    RunBudget.Estimate e = RunBudget.estimate(s, s.cases(), 1, Long.MAX_VALUE);
    assertThat(e.keptBytes()).isGreaterThan(8L * 2_592_000 * 30 * 8);
  }

  @Test
  void eventEstimate_withinAFactorOf1point5_ofACountedRun() throws IOException {
    Scenario s = load(scenario("500/s", "20s", "").replace("replications: 3", "replications: 1"));
    ScenarioResult r = ScenarioRunner.run(s, RunOptions.jobs(2));
    long counted =
        r.cases().stream()
            .flatMap(c -> c.runs().stream())
            .mapToLong(run -> run.eventsProcessed())
            .sum();
    double estimated = RunBudget.estimate(s, s.cases(), 2, Long.MAX_VALUE).events();
    assertThat(Math.log(estimated / counted)).isCloseTo(0, within(Math.log(1.5)));
  }

  private Scenario load(String text) throws IOException {
    return ScenarioLoader.load(write(text), LoadOptions.NONE);
  }
}
