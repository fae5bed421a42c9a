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

  /**
   * Incident E at 1/32 with proportional pools, as the loader binds it: 31.25k/s, one simulated
   * node that is half a real one (25k/s, 50 workers), 16 instances of 195 threads (15.625 real).
   */
  private static ModelSpec incidentEHalfNode() {
    ModelSpec full = incidentE();
    Map<String, ComponentSpec> c = new LinkedHashMap<>(full.components());
    ServiceSpec app = (ServiceSpec) c.get("app");
    c.put("app", new ServiceSpec("app", 16, 195, 977, app.balance(), app.steps()));
    c.put(
        "db",
        new DatabaseSpec(
            "db", 1, 25_000, DistributionSpec.parse("exp(2ms)"), 0, 100, 30, null, null, false));
    WorkloadSpec w = full.workload().get("redirects");
    return new ModelSpec(
        full.horizon(),
        0,
        1,
        1 / 32.0,
        true,
        Map.of("app", 15.625 / 16, "db", 0.5),
        Map.of(
            "redirects",
            new WorkloadSpec(
                "redirects", "gateway", 31_250, List.of(), w.arrivals(), null, w.client())),
        c,
        Map.of(),
        List.of(),
        List.of());
  }

  @Test
  void proportionalPools_speakOfRealNodesAndInstances() {
    List<EstimateLine> full = Estimator.estimate(incidentE());
    List<EstimateLine> half = Estimator.estimate(incidentEHalfNode());
    // The half node's figures are divided by its share: a real node's 12.5k/s of 50k/s, M/M/100.
    EstimateLine normal = line(half, "normal", "load per node");
    assertThat(normal.value()).isCloseTo(12_500, within(1e-6));
    assertThat(normal.capacity()).isCloseTo(50_000, within(1e-6));
    assertThat(normal.note()).isEqualTo(line(full, "normal", "load per node").note());
    EstimateLine total = line(half, "normal", "total load");
    assertThat(total.value()).isCloseTo(200_000, within(1e-6));
    assertThat(total.capacity()).isCloseTo(800_000, within(1e-6));
    assertThat(total.note()).isEqualTo("16 nodes x 50k/s");
    assertThat(line(half, "redis down", "load per node").value()).isCloseTo(62_500, within(1e-6));
    // 15.625 real instances of 200 threads: the full system's 100,000 threads.
    EstimateLine threads = line(half, "normal", "busy threads (Little's law)");
    assertThat(threads.capacity()).isCloseTo(100_000, within(1e-6));
    assertThat(threads.note()).endsWith("of 200 per instance");
    // Half a node in the slice: losing "one node" is not a situation of the slice.
    assertThat(half).noneMatch(l -> l.situation().startsWith("db: one node down"));
    assertThat(line(half, "normal", "reads absorbed by the cache").note())
        .isEqualTo("200k/s miss to the source");
    // Messages about units say what a simulated one is.
    assertThat(incidentEHalfNode().unitNote("db", "node"))
        .isEqualTo(" (each simulated node is 0.5 of a real one)");
    assertThat(incidentEHalfNode().unitNote("app", "instance"))
        .isEqualTo(" (each simulated instance is 0.977 of a real one)");
    assertThat(incidentE().unitNote("db", "node")).isEmpty();
  }
}
