package dev.cascade.scenario.bind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cascade.model.spec.DatabaseSpec;
import dev.cascade.model.spec.ModelSpec;
import dev.cascade.model.spec.ServiceSpec;
import dev.cascade.scenario.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * {@code scale_pools}: what a slice below one unit simulates, per-unit (default) or proportional.
 */
class ScalePoolsBindingTest {

  private static final String TEXT =
      """
      scenario: pools
      horizon: 60s
      scale: 1/32
      workload:
        web: {entry: app, rate: 1M/s}
      components:
        app:
          kind: service
          instances: 500
          threads: 200
          queue: 1000
          steps:
            - call: {target: db}
        db:
          kind: database
          nodes: 16
          capacity: 50k/s
          latency: exp(2ms)
          max_connections: 200
          autoscale: {when: {metric: db.utilization, above: 0.8}, add: 16, max: 48}
      faults:
        - {at: 10s, target: db, action: kill_nodes, count: 8}
      """;

  private static ModelSpec load(String... sets) {
    return Fixtures.load(TEXT, sets).base();
  }

  @Test
  void perUnit_isTheDefault_andKeepsARealNodesCapacity() {
    ModelSpec m = load();
    assertThat(m.proportionalPools()).isFalse();
    DatabaseSpec db = (DatabaseSpec) m.components().get("db");
    // 16 x 1/32 = 0.5 rounds up to one whole node: twice the slice's share of capacity.
    assertThat(db.nodes()).isEqualTo(1);
    assertThat(db.capacity()).isEqualTo(50_000.0);
    assertThat(db.maxConnections()).isEqualTo(200);
    assertThat(db.autoscale().add()).isEqualTo(1);
    assertThat(db.autoscale().max()).isEqualTo(2);
    assertThat(m.faults().get(0).count()).isEqualTo(1);
    ServiceSpec app = (ServiceSpec) m.components().get("app");
    assertThat(app.instances()).isEqualTo(16);
    assertThat(app.threads()).isEqualTo(200);
    assertThat(app.queue()).isEqualTo(1000);
  }

  @Test
  void proportional_givesEachNodeAndInstanceItsShare() {
    ModelSpec m = load("scale_pools=proportional");
    assertThat(m.proportionalPools()).isTrue();
    DatabaseSpec db = (DatabaseSpec) m.components().get("db");
    // Half a node: half the capacity (so half the workers) and half the connections.
    assertThat(db.nodes()).isEqualTo(1);
    assertThat(db.capacity()).isEqualTo(25_000.0);
    assertThat(db.effectiveWorkers()).isEqualTo(50);
    assertThat(db.maxConnections()).isEqualTo(100);
    // Counts of nodes are in half nodes: add 16 real = 0.5 real = one simulated node; max 48 = 3;
    // killing 8 of 16 is half of the slice's half node, rounded half up to the one node there is.
    assertThat(db.autoscale().add()).isEqualTo(1);
    assertThat(db.autoscale().max()).isEqualTo(3);
    assertThat(m.faults().get(0).count()).isEqualTo(1);
    // 15.625 instances: 16 of 195.3 threads and 976.6 queue slots each, rounded.
    ServiceSpec app = (ServiceSpec) m.components().get("app");
    assertThat(app.instances()).isEqualTo(16);
    assertThat(app.threads()).isEqualTo(195);
    assertThat(app.queue()).isEqualTo(977);
  }

  @Test
  void proportional_withWorkers_splitsTheWorkers() {
    ModelSpec m =
        Fixtures.load(
                TEXT.replace("capacity: 50k/s", "workers: 100"),
                "scale_pools=proportional",
                "scale=1/64")
            .base();
    DatabaseSpec db = (DatabaseSpec) m.components().get("db");
    assertThat(db.nodes()).isEqualTo(1);
    assertThat(db.effectiveWorkers()).isEqualTo(25);
    assertThat(db.maxConnections()).isEqualTo(50);
  }

  @Test
  void wholeSlice_isTheSameUnderBothPools() {
    ModelSpec perUnit = load("scale=1/16");
    ModelSpec proportional = load("scale=1/16", "scale_pools=proportional");
    assertThat(proportional.components().get("db")).isEqualTo(perUnit.components().get("db"));
    assertThat(proportional.faults()).isEqualTo(perUnit.faults());
  }

  @Test
  void unknownPools_isAProblemNamingTheField() {
    assertThatThrownBy(() -> load("scale_pools=proportionall"))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("scale_pools")
        .hasMessageContaining("proportional");
  }
}
