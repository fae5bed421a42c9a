package dev.cascade.scenario.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cascade.core.result.RunResult;
import dev.cascade.core.result.SimEvent;
import dev.cascade.core.result.Summary;
import dev.cascade.scenario.bind.LoadOptions;
import dev.cascade.scenario.bind.ScenarioLoader;
import dev.cascade.scenario.run.CaseResult;
import dev.cascade.scenario.run.CheckResult;
import dev.cascade.scenario.run.RunOptions;
import dev.cascade.scenario.run.ScenarioResult;
import dev.cascade.scenario.run.ScenarioRunner;
import dev.cascade.scenario.spec.Scenario;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Incident C as the built-in scenario tells it: the shipped file with one replication. Rates and
 * shares are checked within a few percent (five minutes at 300 requests/s: 90,000 requests, so the
 * 20% enqueue share has a standard error of 0.13%); times within one 30 s alert check.
 */
class RedisFailureModesIT {

  /** Faults start at 5m15s and last 5 minutes. */
  private static final double FAULT = 315;

  /** 256 mb of maxmemory filled at 3,330 keys/s x 256 b. */
  private static final double FULL = 256.0 * 1024 * 1024 / (3330 * 256);

  private static ScenarioResult result;
  private static Map<String, CaseResult> cases;

  @BeforeAll
  static void run() {
    Scenario s =
        ScenarioLoader.loadBuiltin("redis-failure-modes", LoadOptions.sets("replications=1"));
    result = ScenarioRunner.run(s, RunOptions.jobs(2));
    cases = result.cases().stream().collect(Collectors.toMap(c -> c.kase().variant(), c -> c));
  }

  private static RunResult run(String variant) {
    return cases.get(variant).runs().get(0);
  }

  private static List<Double> times(String variant, String component, String event) {
    return run(variant).events().stream()
        .filter(e -> e.component().equals(component) && e.event().equals(event))
        .map(SimEvent::timeSeconds)
        .toList();
  }

  private static double first(String variant, String component, String event) {
    List<Double> t = times(variant, component, event);
    assertThat(t).as("%s: %s %s", variant, component, event).isNotEmpty();
    return t.get(0);
  }

  private static double stat(String variant, String metric, String window, String stat) {
    Summary s = cases.get(variant).summary();
    return s.stat(metric, window, stat).mean();
  }

  private static double mean(String variant, String metric) {
    return stat(variant, metric, "impact", "mean");
  }

  @Test
  void everyCheckOfTheFile_passes() {
    for (CaseResult c : result.cases()) {
      for (CheckResult check : c.checks()) {
        assertThat(check.passed()).as(c.kase().label() + ": " + check.check()).isTrue();
      }
    }
  }

  @Test
  void healthy_reference() {
    assertThat(mean("healthy", "users.error_rate")).isZero();
    assertThat(mean("healthy", "db.load_rps")).isCloseTo(60, within(3.0)); // 20% misses of 300/s
    assertThat(stat("healthy", "users.latency_p50", "impact", "value")).isLessThan(5);
  }

  @Test
  void crash_refusedFast_writesFail_readsGoToTheDatabase_coldCacheAfter() {
    // Every enqueue (20% of requests) is refused in 1 ms and fails its request; reads fall back.
    assertThat(mean("crash", "users.error_rate")).isCloseTo(0.20, within(0.01));
    assertThat(mean("crash", "users.timeout_rate")).isZero();
    // Fast: a refused call holds no thread; the successful requests pay one database query
    // (20 ms mean) instead of a 0.2 ms cache hit.
    assertThat(stat("crash", "users.latency_p50", "impact", "value")).isBetween(5.0, 40.0);
    assertThat(mean("crash", "web.utilization")).isLessThan(0.05);
    // Every read reaches the database: 5x its load (300/s against 60/s).
    assertThat(mean("crash", "db.load_rps")).isCloseTo(300, within(10.0));
    // Seen by the ping at the next 30 s check, by the 5xx alert one minute later.
    assertThat(first("crash", "redis-ping", "alert_fired") - FAULT).isBetween(0.0, 30.0);
    assertThat(first("crash", "web-5xx", "alert_fired") - FAULT).isBetween(60.0, 90.0);
    // No persistence: it restarts empty, so the database still carries 3.5x its normal load
    // over the next five minutes while the cache warms up (warm_up 5m: 1 - 1/e of the hits).
    assertThat(stat("crash", "db.load_rps", "later", "mean")).isBetween(150.0, 260.0);
  }

  @Test
  void hang_timeoutsHoldThreads_slowErrors_sameDatabaseLoad() {
    // Every read waits for the 500 ms cache timeout, then the database.
    assertThat(stat("hang", "users.latency_p50", "impact", "value")).isBetween(500.0, 560.0);
    // Every enqueue waits for its 1 s timeout, then fails: the same 20% of errors, 1.5 s late.
    assertThat(mean("hang", "users.error_rate")).isCloseTo(0.20, within(0.01));
    // Little's law: 300/s x 0.5 s + 60/s x 1 s = 210 threads busy of 256 (82%), against 2
    // when healthy: the pool is near exhaustion.
    assertThat(mean("hang", "web.utilization")).isCloseTo(0.83, within(0.05));
    assertThat(mean("hang", "db.load_rps")).isCloseTo(300, within(10.0));
    // redis.up is 0 while hung: the ping sees it as fast as a crash.
    assertThat(first("hang", "redis-ping", "alert_fired") - FAULT).isBetween(0.0, 30.0);
    // Nothing is lost: the process kept its data (the database is back to normal after).
    assertThat(stat("hang", "db.load_rps", "later", "mean")).isCloseTo(60, within(5.0));
  }

  @Test
  void slow_noErrors_latencyOnly_onlyTheLatencyAlertSeesIt() {
    assertThat(mean("slow", "users.error_rate")).isZero();
    // 420 commands/s of 2.2 ms each: Redis is 92% busy, its P99 passes the checklist's 10 ms.
    assertThat(stat("slow", "redis.latency_p99", "impact", "value")).isGreaterThan(10);
    assertThat(stat("slow", "users.latency_p50", "impact", "value"))
        .isGreaterThan(4 * stat("healthy", "users.latency_p50", "impact", "value"));
    assertThat(mean("slow", "db.load_rps")).isCloseTo(60, within(3.0));
    assertThat(first("slow", "redis-latency", "alert_fired") - FAULT).isBetween(0.0, 30.0);
    assertThat(times("slow", "redis-ping", "alert_fired")).isEmpty();
    assertThat(times("slow", "web-5xx", "alert_fired")).isEmpty();
  }

  @Test
  void oomNoeviction_writesFailReadsWork_memoryAlertWarnsFirst_noRecovery() {
    // Full at 268,435,456 b / 852,480 b/s = 314.9 s (the next 0.1 s memory tick).
    double full = first("oom-noeviction", "redis", "memory_full");
    assertThat(full).isCloseTo(FULL, within(0.2));
    assertThat(mean("oom-noeviction", "users.error_rate")).isCloseTo(0.20, within(0.01));
    assertThat(stat("oom-noeviction", "redis.hit_ratio", "impact", "value"))
        .isCloseTo(0.80, within(0.01));
    assertThat(stat("oom-noeviction", "redis.up", "all", "min")).isEqualTo(1.0);
    assertThat(mean("oom-noeviction", "db.load_rps")).isCloseTo(60, within(3.0));
    assertThat(mean("oom-noeviction", "web.utilization")).isLessThan(0.02);
    // 80% of maxmemory is reached at 252 s: the memory alert fires about a minute before writes
    // fail (the next check, at 270 s); the ping never sees anything wrong.
    double memory = first("oom-noeviction", "redis-memory", "alert_fired");
    assertThat(memory).isBetween(0.8 * FULL, 0.8 * FULL + 30);
    assertThat(full - memory).isGreaterThan(30);
    assertThat(times("oom-noeviction", "redis-ping", "alert_fired")).isEmpty();
    // Nothing frees memory: unlike the faults, it is still failing writes five minutes later.
    assertThat(stat("oom-noeviction", "users.error_rate", "later", "mean"))
        .isCloseTo(0.20, within(0.01));
    assertThat(times("oom-noeviction", "redis", "memory_freed")).isEmpty();
  }

  @Test
  void sideBySide_onlyTheHangHoldsThreads_onlyCrashAndHangLoadTheDatabase() {
    double hang = mean("hang", "web.utilization");
    for (String v : List.of("crash", "slow", "oom-noeviction")) {
      assertThat(mean(v, "web.utilization")).as(v).isLessThan(hang / 10);
    }
    for (String v : List.of("slow", "oom-noeviction")) {
      assertThat(mean(v, "db.load_rps")).as(v).isLessThan(mean("crash", "db.load_rps") / 4);
    }
  }
}
