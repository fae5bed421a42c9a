package dev.cascade.model;

import static dev.cascade.model.Specs.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cascade.core.random.DistributionSpec;
import dev.cascade.core.result.RunResult;
import dev.cascade.core.result.SimEvent;
import dev.cascade.model.spec.ComponentSpec;
import dev.cascade.model.spec.DatabaseSpec;
import dev.cascade.model.spec.FaultSpec;
import dev.cascade.model.spec.RedisSpec;
import dev.cascade.model.spec.StepSpec;
import dev.cascade.model.spec.WorkloadSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Redis mechanisms incident B needs (redis-oom-failover-stampede): named keyspaces on one
 * server, growth keys written before the run, what a promoted replica holds, the compact heap of a
 * process that loaded its dataset, and cached keys displacing cold growth keys under allkeys-lru.
 */
class RedisOomFailoverMechanismsTest {

  private static final long MB = 1024 * 1024;

  private static RedisSpec redis(
      RedisSpec.GrowthSpec growth,
      long maxmemory,
      RedisSpec.Eviction eviction,
      long memoryLimit,
      double fragmentation,
      RedisSpec.Persistence persistence,
      RedisSpec.RestartSpec restart,
      RedisSpec.ReplicaSpec replica) {
    return new RedisSpec(
        "redis",
        1,
        DistributionSpec.parse("exp(0.1ms)"),
        0.8,
        300,
        maxmemory,
        eviction,
        memoryLimit,
        fragmentation,
        1024,
        1024,
        growth,
        persistence,
        900,
        restart,
        replica,
        0.001);
  }

  private static StepSpec.CacheAside step(String keyspace, StepSpec.Fill fill) {
    return new StepSpec.CacheAside(
        "redis",
        "db",
        keyspace,
        1,
        0.5,
        null,
        StepSpec.OnCacheError.SOURCE,
        fill,
        Double.POSITIVE_INFINITY,
        StepSpec.Coalesce.NONE,
        null,
        1.0);
  }

  private static RunResult run(
      double horizon, RedisSpec r, List<FaultSpec> faults, StepSpec... steps) {
    WorkloadSpec w =
        new WorkloadSpec(
            "users",
            "app",
            200,
            List.of(),
            WorkloadSpec.Arrivals.POISSON,
            new WorkloadSpec.KeysSpec(50, 0),
            client(5, 0));
    List<ComponentSpec> c =
        List.of(
            service("app", 1, 100, 100, steps),
            r,
            new DatabaseSpec(
                "db",
                1,
                10_000,
                DistributionSpec.parse("const(2ms)"),
                0,
                500,
                30,
                null,
                null,
                false));
    return ModelRunner.run(
        model(horizon, 1, List.of(w), c, List.of(), faults),
        1,
        0,
        windows(horizon, Double.NaN, 0),
        null,
        null,
        true);
  }

  private static List<SimEvent> events(RunResult r, String event) {
    return r.events().stream().filter(e -> e.event().equals(event)).toList();
  }

  private static final RedisSpec.RestartSpec NO_RESTART =
      new RedisSpec.RestartSpec(RedisSpec.RestartSpec.Policy.NO, 5);

  @Test
  void namedKeyspaces_sameRankInTwoKeyspaces_areDifferentKeys() {
    RedisSpec r =
        redis(
            null,
            -1,
            RedisSpec.Eviction.NOEVICTION,
            -1,
            1.0,
            RedisSpec.Persistence.NONE,
            NO_RESTART,
            null);
    // Step 1 reads and fills key k of "sessions"; step 2 reads key k of "feed" and never fills
    // it. 50 keys at 200/s: "sessions" is warm within a second, so about half of all reads hit.
    // If the keyspaces shared ranks, step 2 would hit what step 1 filled: a ratio near 1.
    RunResult res =
        run(
            30,
            r,
            List.of(),
            step("sessions", StepSpec.Fill.ASYNC),
            step("feed", StepSpec.Fill.NONE));
    assertThat(res.stats("redis.hit_ratio", "all").value()).isCloseTo(0.5, within(0.03));
    // OOM-killed (1.1M growth keys of 256 b x1.5 pass 400 mb after about 10 s), the server
    // reports what it held per keyspace: the 50 sessions, no feed keys.
    RedisSpec full =
        redis(
            new RedisSpec.GrowthSpec(1000, Double.POSITIVE_INFINITY, 256, 1_080_000),
            -1,
            RedisSpec.Eviction.NOEVICTION,
            400 * MB,
            1.5,
            RedisSpec.Persistence.NONE,
            NO_RESTART,
            null);
    List<SimEvent> oom =
        events(
            run(
                30,
                full,
                List.of(),
                step("sessions", StepSpec.Fill.ASYNC),
                step("feed", StepSpec.Fill.NONE)),
            "oom_killed");
    assertThat(oom).hasSize(1);
    assertThat(oom.get(0).detail()).endsWith("cached keys held: 50 (sessions 50, feed 0)");
    // Same key, same keyspace name in both steps: one key, so step 2 hits.
    RunResult shared =
        run(
            30,
            r,
            List.of(),
            step("sessions", StepSpec.Fill.ASYNC),
            step("sessions", StepSpec.Fill.NONE));
    assertThat(shared.stats("redis.hit_ratio", "all").value()).isGreaterThan(0.95);
  }

  @Test
  void growthInitial_keysPresentAtStart_andClampedByTtl() {
    RedisSpec none =
        redis(
            new RedisSpec.GrowthSpec(100, Double.POSITIVE_INFINITY, 256, 1_000_000),
            -1,
            RedisSpec.Eviction.NOEVICTION,
            -1,
            1.0,
            RedisSpec.Persistence.NONE,
            NO_RESTART,
            null);
    RunResult res = run(10, none, List.of(), step(null, StepSpec.Fill.ASYNC));
    // 1M keys at t=0 plus 100/s; the 50 cached keys of the workload on top.
    assertThat(res.series("redis.keys")[9]).isCloseTo(1_001_000 + 50, within(150.0));
    // With a TTL of 1000 s only 100/s x 1000 s = 100k keys of the pattern can exist.
    RedisSpec ttl =
        redis(
            new RedisSpec.GrowthSpec(100, 1000, 256, 1_000_000),
            -1,
            RedisSpec.Eviction.NOEVICTION,
            -1,
            1.0,
            RedisSpec.Persistence.NONE,
            NO_RESTART,
            null);
    assertThat(run(10, ttl, List.of(), step(null, StepSpec.Fill.ASYNC)).series("redis.keys")[9])
        .isCloseTo(100_000 + 50, within(10.0));
  }

  @Test
  void promotion_replicaStillInItsFirstSync_comesBackEmptyWithoutTheGrowthKeys() {
    // 1M growth keys of 256 b = 244 mb, RSS x1.5 = 366 mb under a 400 mb limit; 1000 keys/s of
    // 256 b x 1.5 add 0.37 mb/s: OOM-killed after about 90 s. The replica needs 492 s for its
    // first sync, so it has nothing: promoted at kill + 492 + 5 s with no growth keys and no
    // cached keys, and a compact heap. Before the fix the promoted replica kept the dead primary's
    // growth keys and was OOM-killed again at its first memory check.
    RedisSpec r =
        redis(
            new RedisSpec.GrowthSpec(1000, Double.POSITIVE_INFINITY, 256, 1_000_000),
            -1,
            RedisSpec.Eviction.NOEVICTION,
            400 * MB,
            1.5,
            RedisSpec.Persistence.NONE,
            NO_RESTART,
            new RedisSpec.ReplicaSpec(492, 10, 5));
    RunResult res = run(800, r, List.of(), step(null, StepSpec.Fill.ASYNC));
    List<SimEvent> oom = events(res, "oom_killed");
    assertThat(oom).hasSize(1);
    double killed = oom.get(0).timeSeconds();
    assertThat(killed).isBetween(60.0, 120.0);
    // The kill reports the cached keys it loses (the 50 keys of the workload).
    assertThat(oom.get(0).detail()).endsWith("cached keys held: 50");
    double promoted = events(res, "promoted").get(0).timeSeconds();
    assertThat(promoted).isCloseTo(killed + 497, within(0.2));
    assertThat(events(res, "data_lost").get(0).detail()).contains("had not completed a sync");
    int t = (int) Math.ceil(promoted) + 10;
    // ~10 s of growth (10k keys) and the 50 workload keys refilled.
    assertThat(res.series("redis.keys")[t]).isLessThan(12_000);
    assertThat(res.series("redis.up")[799]).isEqualTo(1.0);
  }

  @Test
  void promotion_syncedReplica_keepsGrowthAsOfItsLastSync() {
    // Growth from 0 at 1000/s, lag 100 s: the replica syncs at 100, 200, 300 s. Crash at 350 s:
    // the promoted replica has the 300 s sync: 300k growth keys, not the primary's 350k.
    RedisSpec r =
        redis(
            new RedisSpec.GrowthSpec(1000, Double.POSITIVE_INFINITY, 256),
            -1,
            RedisSpec.Eviction.NOEVICTION,
            -1,
            1.0,
            RedisSpec.Persistence.NONE,
            NO_RESTART,
            new RedisSpec.ReplicaSpec(100, 10, 5));
    RunResult res =
        run(
            500,
            r,
            List.of(fault(350, "redis", FaultSpec.Action.CRASH, Double.POSITIVE_INFINITY)),
            step(null, StepSpec.Fill.ASYNC));
    assertThat(events(res, "promoted").get(0).timeSeconds()).isEqualTo(455.0);
    // At 460 s: 300k synced + 5 s x 1000/s since the promotion + the 50 cached keys.
    assertThat(res.series("redis.keys")[459]).isCloseTo(305_050, within(1_100.0));
  }

  @Test
  void aofRestartAfterOom_compactHeap_staysUp() {
    // 1.1M keys of 256 b = 269 mb; x1.5 = 403 mb over a 400 mb limit: killed at the first
    // memory check. Restarted 5 s later from its AOF with every key: loaded compactly, RSS =
    // used = 269 mb, under the limit, so it stays up. With the fragmentation of the old process
    // it would be killed again at every restart.
    RedisSpec r =
        redis(
            new RedisSpec.GrowthSpec(10, Double.POSITIVE_INFINITY, 256, 1_100_000),
            -1,
            RedisSpec.Eviction.NOEVICTION,
            400 * MB,
            1.5,
            RedisSpec.Persistence.AOF,
            new RedisSpec.RestartSpec(RedisSpec.RestartSpec.Policy.ALWAYS, 5),
            null);
    RunResult res = run(60, r, List.of(), step(null, StepSpec.Fill.ASYNC));
    assertThat(events(res, "oom_killed")).hasSize(1);
    assertThat(events(res, "restarted")).hasSize(1);
    assertThat(res.series("redis.up")[59]).isEqualTo(1.0);
    assertThat(res.series("redis.keys")[59]).isGreaterThan(1_100_000);
    assertThat(res.series("redis.rss_bytes")[59]).isLessThan(300.0 * MB);
  }

  @Test
  void allkeysLru_cachedKeysDisplaceColdGrowthKeys() {
    // maxmemory 10 mb, 1M growth keys of 256 b written before the run (244 mb): only 10 mb of
    // them fit. The 50 keys of the workload (1 kb each) must still be cached: LRU evicts the
    // never-read growth keys first. Before the fix the growth keys held every byte and every
    // fill was refused.
    RedisSpec r =
        redis(
            new RedisSpec.GrowthSpec(1000, Double.POSITIVE_INFINITY, 256, 1_000_000),
            10 * MB,
            RedisSpec.Eviction.ALLKEYS_LRU,
            -1,
            1.0,
            RedisSpec.Persistence.NONE,
            NO_RESTART,
            null);
    RunResult res = run(30, r, List.of(), step(null, StepSpec.Fill.ASYNC));
    assertThat(res.stats("redis.hit_ratio", "all").value()).isGreaterThan(0.95);
    assertThat(res.series("redis.used_memory_bytes")[29]).isLessThanOrEqualTo(10.0 * MB);
    // The growth keeps writing 1000 keys/s, evicted as fast.
    assertThat(res.series("redis.evicted_rps")[29]).isCloseTo(1000, within(150.0));
  }
}
