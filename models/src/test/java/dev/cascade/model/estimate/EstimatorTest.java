package dev.cascade.model.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cascade.core.random.DistributionSpec;
import dev.cascade.model.spec.ClientSpec;
import dev.cascade.model.spec.ComponentSpec;
import dev.cascade.model.spec.DatabaseSpec;
import dev.cascade.model.spec.GatewaySpec;
import dev.cascade.model.spec.ModelSpec;
import dev.cascade.model.spec.RedisSpec;
import dev.cascade.model.spec.ServiceSpec;
import dev.cascade.model.spec.StepSpec;
import dev.cascade.model.spec.WorkloadSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EstimatorTest {

  /** Incident E at full scale: 1M reads/s, 80% hits, 16 read nodes at 50k/s. */
  static ModelSpec incidentE() {
    Map<String, ComponentSpec> c = new LinkedHashMap<>();
    c.put("gateway", new GatewaySpec("gateway", "app", null, null));
    c.put(
        "app",
        new ServiceSpec(
            "app",
            500,
            200,
            1000,
            ServiceSpec.Balance.RANDOM,
            List.of(
                new StepSpec.Work(DistributionSpec.parse("exp(1ms)")),
                new StepSpec.CacheAside(
                    "redis",
                    "db",
                    null,
                    1,
                    0.5,
                    "redis-cb",
                    StepSpec.OnCacheError.SOURCE,
                    StepSpec.Fill.ASYNC,
                    3600,
                    StepSpec.Coalesce.NONE,
                    null,
                    1.0))));
    c.put(
        "redis",
        new RedisSpec(
            "redis",
            16,
            DistributionSpec.parse("exp(0.2ms)"),
            0.8,
            300,
            -1,
            RedisSpec.Eviction.NOEVICTION,
            -1,
            1,
            512,
            1024,
            null,
            RedisSpec.Persistence.NONE,
            900,
            null,
            null,
            0.001));
    c.put(
        "db",
        new DatabaseSpec(
            "db", 16, 50_000, DistributionSpec.parse("exp(2ms)"), 0, 200, 30, null, null, false));
    return new ModelSpec(
        1800,
        0,
        1,
        1,
        Map.of(
            "redirects",
            new WorkloadSpec(
                "redirects",
                "gateway",
                1_000_000,
                List.of(),
                WorkloadSpec.Arrivals.POISSON,
                null,
                ClientSpec.defaults())),
        c,
        Map.of(),
        List.of(),
        List.of());
  }

  private static EstimateLine line(List<EstimateLine> lines, String situation, String quantity) {
    return lines.stream()
        .filter(l -> l.situation().equals(situation) && l.quantity().equals(quantity))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no line " + situation + " / " + quantity));
  }

  @Test
  void incidentE_perNodeLoad_normalAndWithRedisDown() {
    List<EstimateLine> lines = Estimator.estimate(incidentE());
    EstimateLine normal = line(lines, "normal", "load per node");
    assertThat(normal.value()).isCloseTo(12_500, within(1e-6));
    assertThat(normal.capacity()).isEqualTo(50_000);
    assertThat(normal.verdict()).isEqualTo("fits (25% of capacity)");
    EstimateLine down = line(lines, "redis down", "load per node");
    assertThat(down.value()).isCloseTo(62_500, within(1e-6));
    assertThat(down.verdict()).isEqualTo("over capacity by 25%");
    assertThat(down.note()).contains("unstable");
    EstimateLine nodeDown = line(lines, "db: one node down", "load per node");
    assertThat(nodeDown.value()).isCloseTo(200_000 / 15.0, within(1e-6));
  }

  @Test
  void incidentE_cacheSplitAndThreadOccupancy() {
    List<EstimateLine> lines = Estimator.estimate(incidentE());
    assertThat(line(lines, "normal", "reads absorbed by the cache").value())
        .isCloseTo(800_000, within(1e-6));
    // Little's law: 1M/s x (1 ms work + 0.2 ms cache + 20% x 2 ms DB) = 1,600 busy threads of
    // 100,000.
    EstimateLine threads = line(lines, "normal", "busy threads (Little's law)");
    assertThat(threads.value()).isCloseTo(1_600, within(1e-6));
    assertThat(threads.capacity()).isEqualTo(100_000);
    // Normal DB node: M/M/100 at 12.5k/s with 2 ms queries: 25 busy of 100, no waiting to speak of.
    assertThat(line(lines, "normal", "load per node").note()).contains("Erlang C (M/M/100)");
  }
}
