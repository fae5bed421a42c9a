package dev.cascade.model;

import static dev.cascade.model.Specs.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cascade.core.random.DistributionSpec;
import dev.cascade.core.result.RunResult;
import dev.cascade.model.spec.ComponentSpec;
import dev.cascade.model.spec.FaultSpec;
import dev.cascade.model.spec.ModelSpec;
import dev.cascade.model.spec.StepSpec;
import dev.cascade.model.spec.WorkloadSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The key-level cache inside a run: stampedes and their defences come out of the model. */
class KeyLevelCacheTest {

  private static StepSpec.CacheAside step(
      StepSpec.Fill fill, double ttl, StepSpec.Coalesce coalesce, StepSpec.RefreshSpec refresh) {
    return new StepSpec.CacheAside(
        "redis",
        "db",
        null,
        1,
        0.5,
        null,
        StepSpec.OnCacheError.SOURCE,
        fill,
        ttl,
        coalesce,
        refresh,
        1.0);
  }

  private static ModelSpec spec(
      double rate, long space, double zipf, StepSpec.CacheAside ca, List<FaultSpec> faults) {
    WorkloadSpec w =
        new WorkloadSpec(
            "users",
            "app",
            rate,
            List.of(),
            WorkloadSpec.Arrivals.POISSON,
            new WorkloadSpec.KeysSpec(space, zipf),
            client(5, 0));
    List<ComponentSpec> c =
        List.of(
            service("app", 4, 2000, 100, ca),
            redis("redis", 0.0, 4),
            new dev.cascade.model.spec.DatabaseSpec(
                "db",
                1,
                100_000,
                DistributionSpec.parse("const(10ms)"),
                0,
                5000,
                30,
                null,
                null,
                false));
    return model(60, 1, List.of(w), c, List.of(), faults);
  }

  @Test
  void coalescing_hotKey_cutsSourceCallsByOnePlusLambdaD() {
    // One key, never stored (fill none): every read misses. Arrivals 1000/s, fetch 10 ms: a
    // single flight covers the arrivals during its fetch, so fetches = lambda / (1 + lambda D)
    // = 1000 / 11 = 91/s (global), against 1000/s without coalescing.
    RunResult none =
        ModelRunner.run(
            spec(1000, 1, 0, step(StepSpec.Fill.NONE, 60, StepSpec.Coalesce.NONE, null), List.of()),
            1,
            0,
            windows(60, Double.NaN, 0),
            null,
            null,
            true);
    RunResult global =
        ModelRunner.run(
            spec(
                1000,
                1,
                0,
                step(StepSpec.Fill.NONE, 60, StepSpec.Coalesce.GLOBAL, null),
                List.of()),
            1,
            0,
            windows(60, Double.NaN, 0),
            null,
            null,
            true);
    RunResult instance =
        ModelRunner.run(
            spec(
                1000,
                1,
                0,
                step(StepSpec.Fill.NONE, 60, StepSpec.Coalesce.INSTANCE, null),
                List.of()),
            1,
            0,
            windows(60, Double.NaN, 0),
            null,
            null,
            true);
    assertThat(none.stats("db.load_rps", "all").mean()).isCloseTo(1000, within(30.0));
    assertThat(global.stats("db.load_rps", "all").mean()).isCloseTo(1000 / 11.0, within(5.0));
    // Per instance (4 instances, 250/s each): 4 x 250 / (1 + 2.5) = 286/s.
    assertThat(instance.stats("db.load_rps", "all").mean()).isCloseTo(1000 / 3.5, within(12.0));
    // Everyone still gets an answer.
    assertThat(global.stats("users.error_rate", "all").value()).isZero();
  }

  @Test
  void flush_coldCacheRefillsByItself_hitRatioDropsThenRecovers() {
    List<FaultSpec> flush = List.of(fault(30, "redis", FaultSpec.Action.FLUSH, Double.NaN));
    RunResult r =
        ModelRunner.run(
            spec(
                2000,
                10_000,
                0.99,
                step(StepSpec.Fill.ASYNC, 3600, StepSpec.Coalesce.NONE, null),
                flush),
            1,
            0,
            windows(60, 30, 30),
            null,
            null,
            true);
    double[] hit = r.series("redis.hit_ratio");
    double before = hit[29];
    double justAfter = hit[30];
    double later = hit[59];
    assertThat(before).isGreaterThan(0.8);
    assertThat(justAfter).isLessThan(before - 0.2);
    assertThat(later).isGreaterThan(justAfter + 0.1);
    assertThat(r.events().stream().anyMatch(e -> e.event().equals("data_lost"))).isTrue();
  }

  @Test
  void ttl_expiringHotKey_xfetchRefreshesEarly_noBurstOfMisses() {
    // One hot key with a 1 s TTL: without early refresh, every expiry is a miss for everyone
    // arriving during the 10 ms refetch; XFetch refreshes before expiry most of the time.
    RunResult plain =
        ModelRunner.run(
            spec(1000, 1, 0, step(StepSpec.Fill.ASYNC, 1, StepSpec.Coalesce.NONE, null), List.of()),
            1,
            0,
            windows(60, Double.NaN, 0),
            null,
            null,
            true);
    RunResult xfetch =
        ModelRunner.run(
            spec(
                1000,
                1,
                0,
                step(
                    StepSpec.Fill.ASYNC,
                    1,
                    StepSpec.Coalesce.NONE,
                    new StepSpec.RefreshSpec(StepSpec.RefreshSpec.Kind.XFETCH, 1, 0)),
                List.of()),
            1,
            0,
            windows(60, Double.NaN, 0),
            null,
            null,
            true);
    double plainMiss = 1 - plain.stats("redis.hit_ratio", "all").value();
    double xfetchMiss = 1 - xfetch.stats("redis.hit_ratio", "all").value();
    // Plain: about 10 misses (1000/s x 10 ms refetch) per expiry, once a second: ~1%.
    assertThat(plainMiss).isBetween(0.005, 0.03);
    assertThat(xfetchMiss).isLessThan(plainMiss / 3);
  }
}
