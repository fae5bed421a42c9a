package dev.cascade.scenario.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cascade.core.result.RunResult;
import dev.cascade.core.result.SimEvent;
import dev.cascade.core.result.Summary;
import dev.cascade.scenario.bind.LoadOptions;
import dev.cascade.scenario.bind.ScenarioLoader;
import dev.cascade.scenario.output.SummaryJson;
import dev.cascade.scenario.run.CaseResult;
import dev.cascade.scenario.run.CheckResult;
import dev.cascade.scenario.run.RunOptions;
import dev.cascade.scenario.run.ScenarioResult;
import dev.cascade.scenario.run.ScenarioRunner;
import dev.cascade.scenario.spec.Scenario;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Incident A as the built-in scenario tells it: the shipped file with one replication (the OOM time
 * is deterministic; the arrivals' noise over minutes at 200 requests/s is a few percent).
 * Tolerances: the memory model advances in 0.1 s steps, the alerts are checked every 30 s and the
 * worker reconnects with a backoff capped at 30 s, so times are checked to within those periods;
 * rates within the Poisson noise of a minute of traffic.
 */
class SharedRedisSpofIT {

  /** Memory grows by 7,200 keys/s x 256 b = 1,843,200 b/s; the limit is 1 GiB. */
  private static final double OOM = 1024.0 * 1024 * 1024 / (7200 * 256);

  private static ScenarioResult result;
  private static Map<String, CaseResult> cases;

  @BeforeAll
  static void run() {
    Scenario s =
        ScenarioLoader.loadBuiltin("shared-redis-spof", LoadOptions.sets("replications=1"));
    result = ScenarioRunner.run(s, RunOptions.jobs(2));
    cases = result.cases().stream().collect(Collectors.toMap(c -> c.kase().variant(), c -> c));
  }

  private static RunResult run(String variant) {
    return cases.get(variant).runs().get(0);
  }

  private static Summary summary(String variant) {
    return cases.get(variant).summary();
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
    return summary(variant).stat(metric, window, stat).mean();
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
  void asIs_oomKilledAbout10MinutesIn_webFailsFast_workerStuck_bothStayUp() {
    // Killed at the first 0.1 s memory tick past the limit (queued jobs add a few kb).
    assertThat(first("as-is", "redis", "oom_killed")).isCloseTo(OOM, within(0.2));
    assertThat(OOM).isCloseTo(582.5, within(0.1));
    assertThat(first("as-is", "worker", "disconnected")).isCloseTo(OOM, within(0.2));
    // Every request fails while Redis is down (the window starts 2 s after the kill)...
    assertThat(stat("as-is", "users.error_rate", "redis-down", "mean")).isGreaterThan(0.99);
    // ... at once: refused connections hold no thread (under 10% of the 200 threads busy).
    assertThat(stat("as-is", "web.utilization", "redis-down", "max")).isLessThan(0.1);
    assertThat(stat("as-is", "worker.processed_rps", "redis-down", "max")).isZero();
    assertThat(stat("as-is", "web.up", "all", "min")).isEqualTo(1.0);
    assertThat(stat("as-is", "worker.up", "all", "min")).isEqualTo(1.0);
  }

  @Test
  void detection_dependencyAlertFiresAMinuteBeforeTheSymptoms_queueAlertNever() {
    double oom = first("as-is", "redis", "oom_killed");
    double ping = first("as-is", "redis-ping", "alert_fired") - oom;
    double fivexx = first("as-is", "web-5xx", "alert_fired") - oom;
    // Ping every 30 s: the first check after the kill (here 17.5 s, the phase of the 30 s grid).
    assertThat(ping).isBetween(0.0, 30.0);
    // 5xx: errors seen at the first check, then held for 1 minute: 60 to 90 s after the kill.
    assertThat(fivexx).isBetween(60.0, 90.0);
    assertThat(fivexx - ping).isCloseTo(60.0, within(0.5)); // exactly 2 checks later
    // The queue does not grow while the broker is down (jobs are refused at enqueue): a
    // queue-depth alert never sees this outage.
    assertThat(times("as-is", "jobs-backlog", "alert_fired")).isEmpty();
  }

  @Test
  void recovery_onCallRestart15MinutesAfterThePage_backlogDrainsInAMinute() {
    double page = first("as-is", "web-5xx", "alert_fired");
    double restart = first("as-is", "redis", "restarted");
    assertThat(restart - page).isEqualTo(900.0);
    // The consumers reconnect at their next backoff tick (at most 30 s later); meanwhile web
    // enqueues 60 jobs/s, so the backlog is at most 30 s x 60 = 1,800 jobs ...
    double reconnect =
        times("as-is", "worker", "reconnected").stream()
            .filter(t -> t >= restart)
            .findFirst()
            .orElseThrow();
    assertThat(reconnect - restart).isBetween(0.0, 30.0);
    double[] depth = run("as-is").series("worker.queue_depth");
    int from = (int) restart;
    double max = 0;
    int peak = from;
    for (int i = from; i < from + 60; i++) {
      if (depth[i] > max) {
        max = depth[i];
        peak = i;
      }
    }
    assertThat(max)
        .isCloseTo(60 * (reconnect - restart), within(0.25 * 60 * (reconnect - restart) + 50));
    // ... and drains at the spare capacity, 80 - 60 = 20 jobs/s: within backlog / 20 s, plus the
    // M/M/4 noise of a few seconds.
    int drained = peak;
    while (depth[drained] > 20) {
      drained++;
    }
    assertThat(drained - peak).isLessThanOrEqualTo((int) (max / 20 * 1.5) + 10);
    // Persistence none: what was queued at the kill is lost with the restart.
    assertThat(stat("as-is", "worker.jobs_lost", "all", "final")).isLessThan(50);
  }

  @Test
  void variants_maxmemoryBuysTheMost_thenRestartAlways_splitSavesTheJobs_replicaNothing() {
    // maxmemory + allkeys-lru: growth keys are evicted at 700 mb, never an OOM kill.
    assertThat(times("maxmemory-lru", "redis", "oom_killed")).isEmpty();
    double[] used = run("maxmemory-lru").series("redis.used_memory_bytes");
    assertThat(used[used.length - 1]).isCloseTo(700.0 * 1024 * 1024, within(1024.0 * 1024));
    assertThat(stat("maxmemory-lru", "users.error_rate", "all", "max")).isZero();

    // Restart always: killed every 582.5 s + 5 s of restart (the leak is still there): 3 times
    // in 35 minutes, each a 5 s outage.
    List<Double> kills = times("restart-always", "redis", "oom_killed");
    assertThat(kills).hasSize(3);
    assertThat(kills.get(1) - kills.get(0)).isCloseTo(OOM + 5, within(0.3));
    assertThat(times("restart-always", "redis", "restarted").get(0) - kills.get(0)).isEqualTo(5.0);
    // 3 x 5 s of errors over the 34 measured minutes: 0.74%.
    assertThat(stat("restart-always", "users.error_rate", "all", "mean"))
        .isCloseTo(15.0 / 2040, within(0.003));

    // Replica: promoted 10 s + 5 s after the kill, with the same data, so killed at once; no
    // replica is left, and the outage is the as-is one.
    double oom = first("replica", "redis", "oom_killed");
    assertThat(first("replica", "redis", "promoted") - oom).isEqualTo(15.0);
    assertThat(times("replica", "redis", "oom_killed").get(1) - oom).isCloseTo(15.0, within(0.11));
    assertThat(times("replica", "redis", "promoted")).hasSize(1);
    assertThat(stat("replica", "users.error_rate", "redis-down", "mean")).isGreaterThan(0.99);

    // Split: the web outage is unchanged, but the jobs keep flowing at 60/s and none fail.
    assertThat(stat("split", "users.error_rate", "all", "mean"))
        .isCloseTo(stat("as-is", "users.error_rate", "all", "mean"), within(0.01));
    assertThat(stat("split", "worker.processed_rps", "redis-down", "mean"))
        .isCloseTo(60, within(3.0));
    assertThat(stat("split", "worker.enqueue_failures_rps", "all", "max")).isZero();
    assertThat(stat("as-is", "worker.enqueue_failures_rps", "redis-down", "mean"))
        .isCloseTo(60, within(3.0));

    // The ranking by user-facing errors over the run.
    double asIs = stat("as-is", "users.error_rate", "all", "mean");
    assertThat(stat("maxmemory-lru", "users.error_rate", "all", "mean"))
        .isLessThan(stat("restart-always", "users.error_rate", "all", "mean"));
    assertThat(stat("restart-always", "users.error_rate", "all", "mean")).isLessThan(asIs / 20);
    assertThat(asIs).isCloseTo(0.48, within(0.02)); // 16.3 of the 34 measured minutes
  }

  @Test
  void summaryJson_incidents_giveTimeToDetectPerAlert_andTimeToRecover() {
    StringWriter w = new StringWriter();
    SummaryJson.write(result, "test", w);
    JsonNode variants = JsonMapper.builder().build().readTree(w.toString()).get("variants");
    JsonNode asIs = variants.get("as-is").get("incidents");
    assertThat(asIs).hasSize(1);
    JsonNode oom = asIs.get(0);
    assertThat(oom.get("event").asString()).isEqualTo("oom_killed");
    assertThat(oom.get("alerts").get(0).get("monitor").asString()).isEqualTo("redis-ping");
    assertThat(oom.get("alerts").get(1).get("monitor").asString()).isEqualTo("web-5xx");
    assertThat(oom.get("time_to_detect_s").asDouble()).isBetween(0.0, 30.0);
    assertThat(oom.get("recovered_by").asString()).isEqualTo("restarted");
    // Detected by the 5xx page 60-90 s in, restarted 15 minutes later.
    assertThat(oom.get("time_to_recover_s").asDouble()).isBetween(960.0, 990.0);
    // Replica: two incidents, the primary (ended by the promotion) and the promoted replica.
    JsonNode replica = variants.get("replica").get("incidents");
    assertThat(replica).hasSize(2);
    assertThat(replica.get(0).get("recovered_by").asString()).isEqualTo("promoted");
    assertThat(replica.get(0).get("time_to_recover_s").asDouble()).isEqualTo(15.0);
    assertThat(variants.get("maxmemory-lru").get("incidents")).isEmpty();
  }
}
