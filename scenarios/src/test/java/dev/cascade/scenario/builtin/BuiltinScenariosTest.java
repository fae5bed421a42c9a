package dev.cascade.scenario.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cascade.model.spec.DatabaseSpec;
import dev.cascade.model.spec.GatewaySpec;
import dev.cascade.model.spec.ServiceSpec;
import dev.cascade.model.spec.StepSpec;
import dev.cascade.scenario.bind.LoadOptions;
import dev.cascade.scenario.bind.ScenarioException;
import dev.cascade.scenario.bind.ScenarioLoader;
import dev.cascade.scenario.run.RunOptions;
import dev.cascade.scenario.run.ScenarioResult;
import dev.cascade.scenario.run.ScenarioRunner;
import dev.cascade.scenario.spec.Scenario;
import org.junit.jupiter.api.Test;

class BuiltinScenariosTest {

  private static final String E = "url-shortener-redis-down";

  @Test
  void index_listsIncidentEWithItsDescription() {
    assertThat(BuiltinScenarios.names()).contains(E);
    assertThat(BuiltinScenarios.list())
        .anySatisfy(
            e -> {
              assertThat(e.name()).isEqualTo(E);
              assertThat(e.description()).contains("scale 1/32 with proportional pools");
            });
  }

  @Test
  void everyBuiltin_loadsWithoutProblems() {
    for (String name : BuiltinScenarios.names()) {
      Scenario s = ScenarioLoader.loadBuiltin(name, LoadOptions.NONE);
      assertThat(s.name()).isEqualTo(name);
    }
  }

  @Test
  void incidentE_hasTheReferenceNumbersAndFourVariants() {
    Scenario s = ScenarioLoader.loadBuiltin(E, LoadOptions.NONE);
    assertThat(s.variantNames())
        .containsExactly("no-protection", "breaker-only", "breaker-and-throttle", "autoscale-only");
    assertThat(s.base().scale()).isEqualTo(1.0 / 32);
    assertThat(s.base().workload().get("redirects").rate()).isEqualTo(31_250.0);
    // Half of one of the 16 nodes: 25k/s (50 workers at 2 ms) and 100 of its 200 connections.
    DatabaseSpec db = (DatabaseSpec) s.base().components().get("db");
    assertThat(db.nodes()).isEqualTo(1);
    assertThat(db.capacity()).isEqualTo(25_000.0);
    assertThat(db.effectiveWorkers()).isEqualTo(50);
    assertThat(db.maxConnections()).isEqualTo(100);
    // 500 instances at 1/32 are 15.625: 16 instances of 195 threads (3,120 for the 3,125 due).
    var service = (ServiceSpec) s.base().components().get("app");
    assertThat(service.instances()).isEqualTo(16);
    assertThat(service.threads()).isEqualTo(195);
    assertThat(service.queue()).isEqualTo(977);
    assertThat(s.base().faults().get(0).duration()).isEqualTo(1200.0);
    var noProtection = s.variant("no-protection").model();
    var app = (ServiceSpec) noProtection.components().get("app");
    assertThat(((StepSpec.CacheAside) app.steps().get(1)).breaker()).isNull();
    assertThat(((GatewaySpec) noProtection.components().get("gateway")).shed()).isNull();
    var autoscale = (DatabaseSpec) s.variant("autoscale-only").model().components().get("db");
    assertThat(autoscale.autoscale().add()).isEqualTo(1);
    assertThat(autoscale.autoscale().max()).isEqualTo(2);
  }

  @Test
  void incidentE_runsAsAShortSmokeTest() {
    Scenario s =
        ScenarioLoader.loadBuiltin(
            E,
            LoadOptions.sets(
                "horizon=4s", "warmup=1s", "faults[0].at=2s", "faults[0].for=1s", "scale=1/160"));
    ScenarioResult r = ScenarioRunner.run(s, RunOptions.jobs(2));
    assertThat(r.complete()).isTrue();
    assertThat(r.cases()).hasSize(4);
  }

  @Test
  void argument_isAFileOrABuiltinName() {
    assertThat(ScenarioLoader.loadArgument(E, LoadOptions.NONE).name()).isEqualTo(E);
    assertThatThrownBy(
            () -> ScenarioLoader.loadArgument("url-shortener-redis-dwn", LoadOptions.NONE))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("did you mean \"" + E + "\"");
  }
}
