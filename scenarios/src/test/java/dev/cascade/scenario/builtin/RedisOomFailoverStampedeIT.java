package dev.cascade.scenario.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cascade.core.result.SimEvent;
import dev.cascade.core.result.Summary;
import dev.cascade.scenario.bind.LoadOptions;
import dev.cascade.scenario.bind.ScenarioLoader;
import dev.cascade.scenario.run.CaseResult;
import dev.cascade.scenario.run.RunOptions;
import dev.cascade.scenario.run.ScenarioResult;
import dev.cascade.scenario.run.ScenarioRunner;
import dev.cascade.scenario.spec.Scenario;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Incident B as the built-in scenario tells it: the shipped file, unchanged (scale 1/15: one
 * PostgreSQL node with its 200 connections, 12k of the 180k users, 1 h simulated), all six variants
 * in one run of 5 to 10 s on two cores. Everything is deterministic for the file's seed (common
 * random numbers across variants), so tolerances cover the modelling, not luck: times that are
 * arithmetic of the spec (failover wait, autoscale delay) are checked to the memory tick (0.1 s) or
 * the metrics interval (1 s); times that come out of the cache filling (when memory crosses 90%,
 * when the OOM kill comes) are checked within a minute of the incident's figures, since they move
 * with the Zipf draws; percentiles within a factor of the incident's (5200 ms).
 */
class RedisOomFailoverStampedeIT {

  private static final double LIMIT = 4.0 * 1024 * 1024 * 1024;
  private static final double ALERT_AT = 3686.0 * 1024 * 1024; // the monitor's 90% threshold
  private static final double LAG = 8 * 60 + 12;
  private static final int USERS_PER_SLICE = 12_000; // 180k users at scale 1/15

  private static Map<String, Summary> runs;

  @BeforeAll
  static void runAllVariants() {
    Scenario s = ScenarioLoader.loadBuiltin("redis-oom-failover-stampede", LoadOptions.NONE);
    ScenarioResult r = ScenarioRunner.run(s, RunOptions.jobs(2));
    runs =
        r.cases().stream().collect(Collectors.toMap(c -> c.kase().variant(), CaseResult::summary));
    // The file's own checks encode the same facts.
    assertThat(r.cases()).allSatisfy(c -> assertThat(c.passed()).as(c.kase().variant()).isTrue());
  }

  private static List<SimEvent> events(String variant, String component, String event) {
    return runs.get(variant).events().stream()
        .filter(e -> e.component().equals(component) && e.event().equals(event))
        .toList();
  }

  private static SimEvent first(String variant, String component, String event) {
    List<SimEvent> e = events(variant, component, event);
    assertThat(e).as(variant + ": " + component + " " + event).isNotEmpty();
    return e.get(0);
  }

  private static double stat(String variant, String metric, String window, String stat) {
    return runs.get(variant).stat(metric, window, stat).mean();
  }

  /** End of the first metrics interval where {@code metric} is above {@code v}. */
  private static double firstAbove(String variant, String metric, double v) {
    double[] s = runs.get(variant).meanSeries(metric);
    double[] ends = runs.get(variant).intervalEnds();
    for (int i = 0; i < s.length; i++) {
      if (s[i] > v) {
        return ends[i];
      }
    }
    throw new AssertionError(metric + " never above " + v);
  }

  private static int heldSessions(SimEvent oomKill) {
    Matcher m = Pattern.compile("sessions (\\d+)").matcher(oomKill.detail());
    assertThat(m.find()).as(oomKill.detail()).isTrue();
    return Integer.parseInt(m.group(1));
  }

  @Test
  void asIs_memoryAlert_thenOomKill_thenFailoverWaitsForTheReplica() {
    double crossed = firstAbove("as-is", "redis.rss_bytes", ALERT_AT);
    double alert = first("as-is", "redis-memory-90", "alert_fired").timeSeconds();
    double oom = first("as-is", "redis", "oom_killed").timeSeconds();
    // The alert is checked every 15 s on the last 1 s sample: it fires within 30 s of the crossing.
    assertThat(alert - crossed).isBetween(0.0, 30.0);
    // Memory crossed 90% about four minutes before the kill (3m58s here; the cache fill sets it).
    assertThat(oom - crossed).isBetween(3 * 60.0, 5 * 60.0);
    assertThat(first("as-is", "redis", "oom_killed").detail()).contains("over the container limit");
    // The kill comes before the replica finished its first sync (8m12s): it has nothing.
    assertThat(oom).isLessThan(LAG - 30);
    // Failover at kill + max(detect 10 s, lag 8m12s), promotion 5 s later (memory ticks: 0.1 s).
    assertThat(first("as-is", "redis", "failover_started").timeSeconds() - oom)
        .isCloseTo(LAG, within(0.2));
    double promoted = first("as-is", "redis", "promoted").timeSeconds();
    assertThat(promoted - oom).isCloseTo(LAG + 5, within(0.2));
    // Redis answers nothing in between.
    assertThat(stat("as-is", "redis.up", "redis-down", "max")).isZero();
    assertThat(first("as-is", "redis", "data_lost").detail())
        .contains("had not completed a sync: 0 keys kept");
  }

  @Test
  void asIs_sessionsLost_reloginFallsBackToTheDatabase() {
    // Almost every user of the slice had a session in Redis when it was killed (the cold start 7
    // minutes earlier left a few out): x15, about 170k of the incident's ~180k users.
    int held = heldSessions(first("as-is", "redis", "oom_killed"));
    assertThat(held).isBetween((int) (0.9 * USERS_PER_SLICE), USERS_PER_SLICE);
    // While Redis is down session validation falls back to PostgreSQL (no error for the users),
    // while the feed, which needs its cache, fails fast.
    assertThat(stat("as-is", "sessions.error_rate", "redis-down", "value")).isLessThan(0.01);
    assertThat(stat("as-is", "feed.error_rate", "redis-down", "value")).isGreaterThan(0.99);
    // Every session check is now one query: PostgreSQL's load is the session rate.
    assertThat(stat("as-is", "postgres.load_rps", "redis-down", "mean"))
        .isCloseTo(stat("as-is", "sessions.offered_rps", "redis-down", "mean"), within(5.0));
    // Promoted empty: every session misses (the re-login), so the session hit share collapses;
    // the hit ratio over both keyspaces in the first minutes after promotion is far below steady.
    assertThat(stat("as-is", "redis.hit_ratio", "stampede", "value"))
        .isLessThan(stat("as-is", "redis.hit_ratio", "steady", "value") - 0.2);
  }

  @Test
  void asIs_stampedeExhaustsThePool_p99InSeconds_replicaAfter33Minutes_cacheWarmsBack() {
    double oom = first("as-is", "redis", "oom_killed").timeSeconds();
    double promoted = first("as-is", "redis", "promoted").timeSeconds();
    SimEvent exhausted = first("as-is", "postgres", "pool_exhausted");
    // Every request misses at once: the 200 connections are taken within seconds of the promotion
    // (and not before: the session fallback alone stays under the node's capacity).
    assertThat(exhausted.timeSeconds() - promoted).isBetween(0.0, 5.0);
    assertThat(exhausted.detail()).isEqualTo("200/200 connections in use");
    assertThat(stat("as-is", "postgres.connections_in_use", "redis-down", "max")).isLessThan(200);
    // P99 of session checks in the stampede: callers wait up to the pool's 5 s acquire timeout
    // (incident: 5200 ms); feed pages run two queries, so up to twice that.
    assertThat(stat("as-is", "sessions.latency_p99", "stampede", "value"))
        .isBetween(3000.0, 6000.0);
    assertThat(stat("as-is", "feed.latency_p99", "stampede", "value")).isBetween(3000.0, 11000.0);
    // The read replica is ordered a minute into the stampede and joins 23 min later: ~33 min after
    // the kill, when the stampede is long over (the incident's replicas came after ~33 min).
    assertThat(first("as-is", "postgres", "scaled_out").timeSeconds() - oom)
        .isCloseTo(33 * 60, within(120.0));
    assertThat(runs.get("as-is").meanSeries("postgres.nodes")).endsWith(2.0);
    // The feed cache warms back slowly (the Zipf tail): better than before the kill an hour in,
    // and still rising (the incident's caches were warm after 2.5 h).
    double recovered = stat("as-is", "redis.hit_ratio", "recovery", "value");
    assertThat(recovered).isGreaterThan(0.9);
    assertThat(recovered).isGreaterThan(stat("as-is", "redis.hit_ratio", "steady", "value"));
    assertThat(stat("as-is", "feed.latency_p99", "recovery", "value")).isLessThan(1000.0);
  }

  @Test
  void ttlOnKeys_patternLevelsOff_noOomNoOutage() {
    // 50 keys/s x 24 h = 4.3M keys of 72 b (300 mb) instead of 40M: RSS stays below the alert
    // even as the caches fill over the hour.
    assertThat(events("ttl-on-keys", "redis", "oom_killed")).isEmpty();
    assertThat(events("ttl-on-keys", "redis-memory-90", "alert_fired")).isEmpty();
    assertThat(stat("ttl-on-keys", "redis.rss_bytes", "all", "max")).isLessThan(0.75 * LIMIT);
    assertThat(stat("ttl-on-keys", "redis.up", "all", "min")).isEqualTo(1.0);
    assertThat(events("ttl-on-keys", "postgres", "pool_exhausted")).isEmpty();
  }

  @Test
  void headroom30_evictsTheColdKeysInstead_noOom() {
    // maxmemory at 70% of the limit: RSS at most 0.7 x 1.25 = 87.5% of it, under the 90% alert.
    assertThat(events("headroom-30", "redis", "oom_killed")).isEmpty();
    assertThat(events("headroom-30", "redis-memory-90", "alert_fired")).isEmpty();
    // At maxmemory (cache writes between two 0.1 s memory checks may overshoot by a few keys).
    assertThat(stat("headroom-30", "redis.used_memory_bytes", "all", "max"))
        .isCloseTo(2867.0 * 1024 * 1024, within(1024.0 * 1024));
    // allkeys-lru evicts the never-read activity keys, not the cached sessions and feeds: the hit
    // ratio is the same as in the as-is before the kill.
    assertThat(stat("headroom-30", "redis.evicted_rps", "all", "mean")).isGreaterThan(40.0);
    assertThat(stat("headroom-30", "redis.hit_ratio", "steady", "value"))
        .isCloseTo(stat("as-is", "redis.hit_ratio", "steady", "value"), within(0.02));
  }

  @Test
  void aofSessions_restartReplaysEverything_noReloginNoStampede() {
    double oom = first("aof-sessions", "redis", "oom_killed").timeSeconds();
    // Still OOM-killed (AOF does nothing for memory), back a minute later with every key: the
    // reloaded heap is compact (RSS = used, 80% of the limit) so it is not killed again.
    assertThat(first("aof-sessions", "redis", "restarted").timeSeconds() - oom)
        .isCloseTo(60, within(0.2));
    assertThat(events("aof-sessions", "redis", "oom_killed")).hasSize(1);
    assertThat(events("aof-sessions", "redis", "data_lost")).isEmpty();
    assertThat(events("aof-sessions", "postgres", "pool_exhausted")).isEmpty();
    assertThat(stat("aof-sessions", "redis.hit_ratio", "stampede", "value")).isGreaterThan(0.85);
    assertThat(stat("aof-sessions", "sessions.error_rate", "all", "value")).isZero();
  }

  @Test
  void coalescing_fewerDuplicateFetches_shorterStampede() {
    // Single flight per feed key removes the duplicate fetches of the hot feeds; the re-login
    // wave (one key per user) is untouched, so the pool is still exhausted at first, but the
    // stampede sends fewer queries, holds fewer connections and fails far fewer requests.
    assertThat(events("coalescing", "postgres", "pool_exhausted")).hasSize(1);
    assertThat(stat("coalescing", "postgres.load_rps", "stampede", "mean"))
        .isLessThan(0.95 * stat("as-is", "postgres.load_rps", "stampede", "mean"));
    assertThat(stat("coalescing", "postgres.connections_in_use", "stampede", "mean"))
        .isLessThan(0.85 * stat("as-is", "postgres.connections_in_use", "stampede", "mean"));
    assertThat(stat("coalescing", "sessions.error_rate", "stampede", "value"))
        .isLessThan(0.6 * stat("as-is", "sessions.error_rate", "stampede", "value"));
    assertThat(stat("coalescing", "feed.error_rate", "stampede", "value"))
        .isLessThan(0.8 * stat("as-is", "feed.error_rate", "stampede", "value"));
  }

  @Test
  void lagAlert_replicaInSync_failoverIn15s_keepsTheData() {
    double oom = first("lag-alert", "redis", "oom_killed").timeSeconds();
    // Lag 5 s: failover at kill + max(10 s, 5 s) + 5 s.
    assertThat(first("lag-alert", "redis", "promoted").timeSeconds() - oom)
        .isCloseTo(15, within(0.2));
    // The replica had synced at most 5 s before: nearly every key is kept, sessions included.
    String kept = first("lag-alert", "redis", "data_lost").detail();
    Matcher m = Pattern.compile(": (\\d+) keys kept").matcher(kept);
    assertThat(m.find()).as(kept).isTrue();
    int held =
        Integer.parseInt(
            first("lag-alert", "redis", "oom_killed")
                .detail()
                .replaceAll(".*cached keys held: (\\d+).*", "$1"));
    assertThat(Integer.parseInt(m.group(1))).isGreaterThan((int) (0.98 * held));
    assertThat(events("lag-alert", "postgres", "pool_exhausted")).isEmpty();
    // The promoted replica loaded its data compactly: it is not killed again.
    assertThat(events("lag-alert", "redis", "oom_killed")).hasSize(1);
    assertThat(stat("lag-alert", "redis.up", "recovery", "min")).isEqualTo(1.0);
  }
}
