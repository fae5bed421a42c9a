package dev.cascade.model;

import static dev.cascade.model.Specs.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cascade.core.random.DistributionSpec;
import dev.cascade.core.result.RunResult;
import dev.cascade.core.result.SimEvent;
import dev.cascade.model.spec.BackoffSpec;
import dev.cascade.model.spec.ComponentSpec;
import dev.cascade.model.spec.FaultSpec;
import dev.cascade.model.spec.ModelSpec;
import dev.cascade.model.spec.RedisSpec;
import dev.cascade.model.spec.StepSpec;
import dev.cascade.model.spec.WorkerSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stateful Redis: memory growth to OOM, persistence, failover, the broker and its workers. */
class RedisStateTest {

  private static final long MB = 1024 * 1024;

  private static RedisSpec redis(
      String name,
      RedisSpec.GrowthSpec growth,
      long memoryLimit,
      long maxmemory,
      RedisSpec.Eviction eviction,
      RedisSpec.Persistence persistence,
      RedisSpec.ReplicaSpec replica) {
    return new RedisSpec(
        name,
        1,
        DistributionSpec.parse("exp(0.1ms)"),
        0.8,
        300,
        maxmemory,
        eviction,
        memoryLimit,
        1.0,
        512,
        1024,
        growth,
        persistence,
        60,
        new RedisSpec.RestartSpec(RedisSpec.RestartSpec.Policy.NO, 5),
        replica,
        0.001);
  }

  private static WorkerSpec worker(String broker) {
    return new WorkerSpec(
        "worker",
        broker,
        "emails",
        4,
        DistributionSpec.parse("exp(20ms)"),
        List.of(),
        new BackoffSpec(1, 30, BackoffSpec.Jitter.NONE));
  }

  private static ModelSpec webAndWorker(
      RedisSpec cache, RedisSpec broker, List<FaultSpec> faults, double horizon) {
    List<ComponentSpec> c = new ArrayList<>();
    c.add(
        service(
            "web",
            1,
            100,
            100,
            cacheAside(cache.name(), "db", 0.5, null),
            new StepSpec.Enqueue(broker.name(), "emails", 0.5, StepSpec.OnError.FAIL)));
    c.add(cache);
    if (broker != cache) {
      c.add(broker);
    }
    c.add(db("db", 1, 5000, "exp(2ms)", 200));
    c.add(worker(broker.name()));
    return model(
        horizon, 1, List.of(workload("users", "web", 100, client(5, 0))), c, List.of(), faults);
  }

  private static List<SimEvent> events(RunResult r, String component, String event) {
    return r.events().stream()
        .filter(e -> e.component().equals(component) && e.event().equals(event))
        .toList();
  }

  @Test
  void growthWithoutTtl_oomKilledWhenRssCrossesTheLimit() {
    // 20k keys/s x 256 b = 5,120,000 b/s against a 512 mb limit: 536,870,912 / 5,120,000 =
    // 104.86 s (the memory model advances in 0.1 s steps).
    RedisSpec r =
        redis(
            "redis",
            new RedisSpec.GrowthSpec(20_000, Double.POSITIVE_INFINITY, 256),
            512 * MB,
            -1,
            RedisSpec.Eviction.NOEVICTION,
            RedisSpec.Persistence.NONE,
            null);
    RunResult res =
        ModelRunner.run(
            webAndWorker(r, r, List.of(), 300),
            1,
            0,
            windows(300, Double.NaN, 0),
            null,
            null,
            true);
    double killed = events(res, "redis", "oom_killed").get(0).timeSeconds();
    assertThat(killed).isCloseTo(104.86, within(0.11));
    // Nothing restarts it: reads fall back to the database, but every request that enqueues
    // (half of them) fails at once (refused), and the worker processes nothing.
    assertThat(res.series("redis.up")[200]).isZero();
    assertThat(res.series("worker.processed_rps")[200]).isZero();
    assertThat(res.stats("users.error_rate", "all").value()).isGreaterThan(0.3);
    assertThat(res.series("users.error_rate")[200]).isCloseTo(0.5, within(0.2));
  }

  @Test
  void maxmemoryWithLru_capsMemory_noOomKill() {
    RedisSpec r =
        redis(
            "redis",
            new RedisSpec.GrowthSpec(20_000, Double.POSITIVE_INFINITY, 256),
            512 * MB,
            400 * MB,
            RedisSpec.Eviction.ALLKEYS_LRU,
            RedisSpec.Persistence.NONE,
            null);
    RunResult res =
        ModelRunner.run(
            webAndWorker(r, r, List.of(), 300), 1, 0, windows(300, Double.NaN, 0), null, null);
    assertThat(events(res, "redis", "oom_killed")).isEmpty();
    double[] used = res.series("redis.used_memory_bytes");
    assertThat(used[used.length - 1]).isCloseTo(400.0 * MB, within(1.0 * MB));
    assertThat(res.series("redis.evicted_rps")[250]).isCloseTo(20_000, within(2_000.0));
  }

  @Test
  void sharedRedisOomKilled_splitBrokerKeepsProcessingJobs() {
    RedisSpec cache =
        redis(
            "redis",
            new RedisSpec.GrowthSpec(20_000, Double.POSITIVE_INFINITY, 256),
            512 * MB,
            -1,
            RedisSpec.Eviction.NOEVICTION,
            RedisSpec.Persistence.NONE,
            null);
    RedisSpec broker =
        redis(
            "redis-broker",
            null,
            -1,
            -1,
            RedisSpec.Eviction.NOEVICTION,
            RedisSpec.Persistence.NONE,
            null);
    RunResult shared =
        ModelRunner.run(
            webAndWorker(cache, cache, List.of(), 300),
            1,
            0,
            windows(300, Double.NaN, 0),
            null,
            null);
    RunResult split =
        ModelRunner.run(
            webAndWorker(cache, broker, List.of(), 300),
            1,
            0,
            windows(300, Double.NaN, 0),
            null,
            null);
    assertThat(shared.series("worker.processed_rps")[250]).isZero();
    // Split: the cache dies at ~105 s, yet jobs flow; requests reach the DB instead of the
    // cache and still enqueue (100/s x 50%).
    assertThat(split.series("worker.processed_rps")[250]).isCloseTo(50, within(20.0));
    assertThat(split.series("users.error_rate")[250]).isZero();
  }

  @Test
  void persistence_decidesWhatSurvivesARestart() {
    // The worker's broker crashes at 100 s for 30 s with jobs queued (workers paused by a hang
    // first so a backlog builds).
    for (RedisSpec.Persistence p : RedisSpec.Persistence.values()) {
      RedisSpec broker = redis("redis", null, -1, -1, RedisSpec.Eviction.NOEVICTION, p, null);
      List<FaultSpec> faults = List.of(fault(100, "redis", FaultSpec.Action.CRASH, 30));
      ModelSpec spec = webAndWorker(broker, broker, faults, 200);
      RunResult res = ModelRunner.run(spec, 1, 0, windows(200, 100, 130), null, null);
      double lost = res.series("worker.jobs_lost")[199];
      switch (p) {
        case NONE -> assertThat(events(res, "redis", "data_lost")).isNotEmpty();
        case RDB ->
            assertThat(events(res, "redis", "data_lost").get(0).detail()).contains("RDB snapshot");
        case AOF -> {
          assertThat(lost).isZero();
          assertThat(events(res, "redis", "data_lost")).isEmpty();
        }
      }
      assertThat(res.series("worker.processed_rps")[150]).isGreaterThan(0);
    }
  }

  @Test
  void rdb_losesJobsEnqueuedAfterTheLastSnapshot() {
    // Consumers cannot keep up (4 x 20 ms = 200/s vs 50/s offered is fine) -> make them slow.
    RedisSpec broker =
        redis(
            "redis", null, -1, -1, RedisSpec.Eviction.NOEVICTION, RedisSpec.Persistence.RDB, null);
    WorkerSpec slow =
        new WorkerSpec(
            "worker",
            "redis",
            "emails",
            1,
            DistributionSpec.parse("const(1s)"),
            List.of(),
            new BackoffSpec(1, 30, BackoffSpec.Jitter.NONE));
    ModelSpec base =
        webAndWorker(broker, broker, List.of(fault(90, "redis", FaultSpec.Action.CRASH, 10)), 150);
    java.util.Map<String, ComponentSpec> comps = new java.util.LinkedHashMap<>(base.components());
    comps.put("worker", slow);
    ModelSpec spec =
        new ModelSpec(
            150, 0, 1, 1, base.workload(), comps, base.breakers(), base.faults(), List.of());
    RunResult res = ModelRunner.run(spec, 1, 0, windows(150, 90, 100), null, null, true);
    // 50 jobs/s arrive, 1/s processed. Snapshot at 60 s; crash at 90 s: jobs enqueued in
    // (60, 90] are lost: about 30 x 50 = 1500.
    assertThat(res.series("worker.jobs_lost")[120]).isCloseTo(1500, within(150.0));
  }

  @Test
  void failover_promotesAtCrashPlusMaxDetectLagPlusPromote() {
    RedisSpec r =
        redis(
            "redis",
            null,
            -1,
            -1,
            RedisSpec.Eviction.NOEVICTION,
            RedisSpec.Persistence.NONE,
            new RedisSpec.ReplicaSpec(492, 10, 5));
    ModelSpec spec =
        webAndWorker(
            r,
            r,
            List.of(fault(100, "redis", FaultSpec.Action.CRASH, Double.POSITIVE_INFINITY)),
            800);
    RunResult res = ModelRunner.run(spec, 1, 0, windows(800, 100, 800), null, null);
    // 8 min 12 s = 492 s of lag: promotion at 100 + max(10, 492) + 5 = 597 s.
    assertThat(events(res, "redis", "failover_started").get(0).timeSeconds()).isEqualTo(592.0);
    assertThat(events(res, "redis", "promoted").get(0).timeSeconds()).isEqualTo(597.0);
    assertThat(res.series("redis.up")[600]).isEqualTo(1.0);
  }

  @Test
  void noevictionAtMaxmemory_writesFailReadsWork() {
    RedisSpec r =
        redis(
            "redis",
            new RedisSpec.GrowthSpec(20_000, Double.POSITIVE_INFINITY, 256),
            -1,
            100 * MB,
            RedisSpec.Eviction.NOEVICTION,
            RedisSpec.Persistence.NONE,
            null);
    RunResult res =
        ModelRunner.run(
            webAndWorker(r, r, List.of(), 120), 1, 0, windows(120, Double.NaN, 0), null, null);
    // Full after 100 mb / 5.12 mb/s = 20.5 s: from then every enqueue is refused (OOM command
    // not allowed) and fails its request; reads still hit.
    assertThat(res.series("worker.enqueue_failures_rps")[60]).isCloseTo(50, within(20.0));
    assertThat(res.series("redis.hit_ratio")[60]).isCloseTo(0.8, within(0.15));
    assertThat(res.series("redis.up")[60]).isEqualTo(1.0);
  }
}
