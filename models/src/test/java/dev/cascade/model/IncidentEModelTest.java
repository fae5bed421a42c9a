package dev.cascade.model;

import static dev.cascade.model.Specs.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cascade.core.result.RunResult;
import dev.cascade.model.spec.BreakerSpec;
import dev.cascade.model.spec.ComponentSpec;
import dev.cascade.model.spec.FaultSpec;
import dev.cascade.model.spec.GatewaySpec;
import dev.cascade.model.spec.ModelSpec;
import dev.cascade.model.spec.RedisSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Incident E ("Redis down at 1M reads/s") at 1/100 of its rates with the same ratios: 80% hit, the
 * database at 25% of capacity normally and 125% with the cache gone (16 nodes; per-node capacity
 * scaled with the traffic), a 500 ms cache timeout, a count breaker of 5 failures in 10 s, and a
 * gateway that sheds to 60% when Redis's health check fails.
 */
class IncidentEModelTest {

  private static final double RATE = 10_000;
  private static final double FAULT = 20;
  private static final double FAULT_END = 80;
  private static final double HORIZON = 100;

  private static RunResult run(FaultSpec.Action action, boolean breaker, boolean throttle) {
    GatewaySpec.ShedSpec shed =
        throttle ? new GatewaySpec.ShedSpec(below("redis.up", 1), 5, 6000, Double.NaN, 30) : null;
    List<ComponentSpec> components = new ArrayList<>();
    components.add(gateway("gateway", "app", shed));
    components.add(
        service("app", 10, 200, 1000, cacheAside("redis", "db", 0.5, breaker ? "redis-cb" : null)));
    // 4 shards x 5000 ops/s: the cache itself is far from saturated (12k ops/s with fills). The
    // incident's Redis comes back with its data (unreachable, not wiped): AOF persistence.
    components.add(redis("redis", 0.8, 4, RedisSpec.Persistence.AOF));
    // 16 nodes x 500/s (10 workers x 20 ms): 8000/s in all, like 16 x 50k/s = 800k/s.
    components.add(db("db", 16, 500, "exp(20ms)", 200));
    List<BreakerSpec> breakers = breaker ? List.of(countBreaker("redis-cb", 5, 10, 30)) : List.of();
    ModelSpec spec =
        model(
            HORIZON,
            1,
            List.of(workload("redirects", "gateway", RATE, client(2, 0))),
            components,
            breakers,
            List.of(fault(FAULT, "redis", action, FAULT_END - FAULT)));
    RunResult r = ModelRunner.run(spec, 7, 0, windows(HORIZON, FAULT, FAULT_END), null, null, true);
    return r;
  }

  @Test
  void normalLoad_dbAtQuarterOfCapacity() {
    RunResult r = run(FaultSpec.Action.CRASH, true, true);
    assertThat(r.stats("db.load_rps", "before").mean()).isCloseTo(2000, within(100.0));
    assertThat(r.stats("db.utilization", "before").mean()).isCloseTo(0.25, within(0.03));
    assertThat(r.stats("redirects.latency_p99", "before").value()).isLessThan(100);
  }

  @Test
  void noProtection_hungRedis_exhaustsThreads_latencyAtCacheTimeout() {
    RunResult r = run(FaultSpec.Action.HANG, false, false);
    // Every request holds its thread for the 500 ms cache timeout: 10k/s x 0.5 s = 5000 threads
    // wanted, 2000 exist.
    assertThat(r.stats("app.utilization", "during").mean()).isGreaterThan(0.95);
    assertThat(r.stats("redirects.latency_p50", "during").value()).isGreaterThanOrEqualTo(500);
    assertThat(r.stats("redirects.rate_503", "during").value()).isGreaterThan(0.3);
  }

  @Test
  void breakerOnly_crash_breakerOpensFast_dbOverCapacity() {
    RunResult r = run(FaultSpec.Action.CRASH, true, false);
    double opened =
        r.events().stream()
            .filter(e -> e.component().equals("redis-cb") && e.event().equals("opened"))
            .findFirst()
            .orElseThrow()
            .timeSeconds();
    assertThat(opened - FAULT).isLessThan(1.0);
    // All traffic heads for the database: 10k/s against 8k/s of capacity. The nodes saturate,
    // queries queue, app threads wait on them, and the excess fails.
    assertThat(r.stats("db.load_rps", "during").mean()).isGreaterThan(7500);
    assertThat(r.stats("db.utilization", "during").mean()).isGreaterThan(0.95);
    assertThat(r.stats("db.latency_p99", "during").value()).isGreaterThan(200);
    double failed =
        r.stats("redirects.rate_503", "during").value()
            + r.stats("redirects.error_rate", "during").value()
            + r.stats("redirects.timeout_rate", "during").value();
    assertThat(failed).isGreaterThan(0.1);
  }

  @Test
  void breakerAndThrottle_dbWithinCapacity_503ShareNearOneMinusLimitOverOffered() {
    RunResult r = run(FaultSpec.Action.CRASH, true, true);
    double started =
        r.events().stream()
            .filter(e -> e.component().equals("gateway") && e.event().equals("shedding_started"))
            .findFirst()
            .orElseThrow()
            .timeSeconds();
    assertThat(started - FAULT).isBetween(0.0, 5.0);
    // Once shedding: 6000/s admitted, all of it to the DB = 75% of capacity.
    assertThat(r.stats("db.utilization", "during").mean()).isLessThan(0.85);
    assertThat(r.stats("redirects.rate_503", "during").value())
        .isCloseTo(1 - 6000 / RATE, within(0.05));
    assertThat(r.stats("db.load_rps", "after").mean()).isLessThan(3000);
  }
}
