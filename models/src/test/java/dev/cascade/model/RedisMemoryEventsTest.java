package dev.cascade.model;

import static dev.cascade.model.Specs.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cascade.core.random.DistributionSpec;
import dev.cascade.core.result.RunResult;
import dev.cascade.core.result.SimEvent;
import dev.cascade.model.spec.FaultSpec;
import dev.cascade.model.spec.RedisSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A noeviction Redis that reaches maxmemory says so in the timeline, and again when freed. */
class RedisMemoryEventsTest {

  private static final long MB = 1024 * 1024;

  private static List<SimEvent> events(RunResult r, String event) {
    return r.events().stream()
        .filter(e -> e.component().equals("redis") && e.event().equals(event))
        .toList();
  }

  private static RunResult run(RedisSpec.Eviction eviction) {
    RedisSpec redis =
        new RedisSpec(
            "redis",
            1,
            DistributionSpec.parse("exp(0.1ms)"),
            0.8,
            300,
            100 * MB,
            eviction,
            -1,
            1.0,
            512,
            1024,
            new RedisSpec.GrowthSpec(20_000, Double.POSITIVE_INFINITY, 256),
            RedisSpec.Persistence.NONE,
            900,
            new RedisSpec.RestartSpec(RedisSpec.RestartSpec.Policy.NO, 5),
            null,
            0.001);
    return ModelRunner.run(
        model(
            120,
            1,
            List.of(workload("users", "app", 20, client(5, 0))),
            List.of(
                service("app", 1, 50, 50, cacheAside("redis", "db", 0.5, null)),
                redis,
                db("db", 1, 5000, "exp(2ms)", 200)),
            List.of(),
            List.of(fault(60, "redis", FaultSpec.Action.FLUSH, Double.POSITIVE_INFINITY))),
        1,
        0,
        windows(120, Double.NaN, 0),
        null,
        null,
        true);
  }

  @Test
  void noeviction_fullAtMaxmemory_thenFreedByAFlush() {
    RunResult r = run(RedisSpec.Eviction.NOEVICTION);
    // 100 mb / (20k keys/s x 256 b) = 20.48 s, seen at the next 0.1 s memory tick; the flush at
    // 60 s empties it, seen at the tick after.
    List<SimEvent> full = events(r, "memory_full");
    assertThat(full).hasSize(2); // full again 20.5 s after the flush
    assertThat(full.get(0).timeSeconds()).isCloseTo(20.5, within(0.11));
    assertThat(full.get(0).detail()).contains("OOM command not allowed");
    assertThat(events(r, "memory_freed").get(0).timeSeconds()).isCloseTo(60.0, within(0.11));
    assertThat(full.get(1).timeSeconds()).isCloseTo(80.5, within(0.22));
  }

  @Test
  void allkeysLru_atMaxmemory_evictsQuietly() {
    RunResult r = run(RedisSpec.Eviction.ALLKEYS_LRU);
    assertThat(events(r, "memory_full")).isEmpty();
    assertThat(events(r, "memory_freed")).isEmpty();
  }
}
