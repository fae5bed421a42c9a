package dev.cascade.model;

import static dev.cascade.model.Specs.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.core.random.DistributionSpec;
import dev.cascade.core.result.RunResult;
import dev.cascade.core.result.SimEvent;
import dev.cascade.model.spec.FaultSpec;
import dev.cascade.model.spec.RedisSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One replica: it covers one failure; a restart of the server brings a replica back. */
class ReplicaFailoverTest {

  private static final double NEVER = Double.POSITIVE_INFINITY;

  private static List<Double> times(RunResult r, String event) {
    return r.events().stream()
        .filter(e -> e.component().equals("redis") && e.event().equals(event))
        .map(SimEvent::timeSeconds)
        .toList();
  }

  private static RunResult run(double horizon, List<FaultSpec> faults) {
    RedisSpec redis =
        new RedisSpec(
            "redis",
            1,
            DistributionSpec.parse("exp(0.1ms)"),
            0.8,
            300,
            -1,
            RedisSpec.Eviction.NOEVICTION,
            -1,
            1.0,
            512,
            1024,
            null,
            RedisSpec.Persistence.NONE,
            900,
            new RedisSpec.RestartSpec(RedisSpec.RestartSpec.Policy.NO, 5),
            new RedisSpec.ReplicaSpec(0, 10, 5),
            0.001);
    return ModelRunner.run(
        model(
            horizon,
            1,
            List.of(workload("users", "app", 20, client(5, 0))),
            List.of(
                service("app", 1, 50, 50, cacheAside("redis", "db", 0.5, null)),
                redis,
                db("db", 1, 5000, "exp(2ms)", 200)),
            List.of(),
            faults),
        1,
        0,
        windows(horizon, Double.NaN, 0),
        null,
        null,
        true);
  }

  @Test
  void promotedReplica_secondCrash_hasNoFailover() {
    RunResult r =
        run(
            400,
            List.of(
                fault(100, "redis", FaultSpec.Action.CRASH, NEVER),
                fault(200, "redis", FaultSpec.Action.CRASH, NEVER)));
    // 100 + max(10, 0) + 5 = 115 s; the crash at 200 s finds no replica left.
    assertThat(times(r, "promoted")).containsExactly(115.0);
    assertThat(times(r, "failover_started")).containsExactly(110.0);
    assertThat(r.series("redis.up")[300]).isZero();
  }

  @Test
  void restartedServer_hasAReplicaAgain() {
    RunResult r =
        run(
            500,
            List.of(
                fault(100, "redis", FaultSpec.Action.CRASH, NEVER),
                fault(200, "redis", FaultSpec.Action.CRASH, 50),
                fault(300, "redis", FaultSpec.Action.CRASH, NEVER)));
    // Promoted at 115 s; down 200-250 s without failover; back at 250 s with the old node as its
    // replica, so the crash at 300 s fails over again (promoted at 315 s).
    assertThat(times(r, "promoted")).containsExactly(115.0, 315.0);
    assertThat(times(r, "recovered")).containsExactly(250.0);
  }
}
