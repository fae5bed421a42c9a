package dev.cascade.scenario.bind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cascade.model.spec.DatabaseSpec;
import dev.cascade.model.spec.GatewaySpec;
import dev.cascade.model.spec.RedisSpec;
import dev.cascade.model.spec.ServiceSpec;
import dev.cascade.model.spec.StepSpec;
import dev.cascade.model.spec.WorkerSpec;
import dev.cascade.scenario.Fixtures;
import dev.cascade.scenario.spec.Case;
import dev.cascade.scenario.spec.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;

class VariantsTest {

  private static final String SHED =
      "    next: app\n    shed: {when: {metric: redis.up, below: 1}, limit: 100/s}\n";

  private static String withShed() {
    return Fixtures.SMALL.replace("    next: app\n", SHED);
  }

  private static StepSpec.CacheAside cacheStep(Scenario s, String variant) {
    ServiceSpec app = (ServiceSpec) s.variant(variant).model().components().get("app");
    return (StepSpec.CacheAside) app.steps().get(1);
  }

  @Test
  void scenarioWithoutVariants_hasOneNamedBaseline() {
    Scenario s = Fixtures.load(Fixtures.SMALL);
    assertThat(s.variantNames()).containsExactly("baseline");
    assertThat(s.variant("baseline").model()).isEqualTo(s.base());
    assertThat(s.cases()).extracting(Case::label).containsExactly("baseline");
  }

  @Test
  void set_changesValuesAtDottedPathsWithListIndexes() {
    String text =
        withShed()
            + "variants:\n"
            + "  slow-cache:\n"
            + "    description: a slow cache timeout\n"
            + "    set:\n"
            + "      app.steps[1].cache_aside.timeout: 2s\n"
            + "      components.db.nodes: 3\n"
            + "      workload.web.client.retries: 2\n"
            + "      horizon: 2m\n";
    Scenario s = Fixtures.load(text);
    assertThat(s.variantNames()).containsExactly("slow-cache");
    assertThat(s.variant("slow-cache").description()).isEqualTo("a slow cache timeout");
    assertThat(cacheStep(s, "slow-cache").timeout()).isEqualTo(2.0);
    var model = s.variant("slow-cache").model();
    assertThat(((DatabaseSpec) model.components().get("db")).nodes()).isEqualTo(3);
    assertThat(model.workload().get("web").client().retries()).isEqualTo(2);
    assertThat(model.horizon()).isEqualTo(120.0);
    assertThat(s.base().horizon()).isEqualTo(60.0);
  }

  @Test
  void none_removesOptionalSectionsAndReferences() {
    String text =
        withShed()
            + "variants:\n"
            + "  bare:\n"
            + "    set:\n"
            + "      gateway.shed: none\n"
            + "      app.steps[1].cache_aside.breaker: none\n"
            + "      app.steps[1].cache_aside.ttl: none\n";
    Scenario s = Fixtures.load(text);
    assertThat(((GatewaySpec) s.base().components().get("gateway")).shed()).isNotNull();
    assertThat(((GatewaySpec) s.variant("bare").model().components().get("gateway")).shed())
        .isNull();
    assertThat(cacheStep(s, "bare").breaker()).isNull();
    assertThat(cacheStep(s, "bare").ttl()).isEqualTo(Double.POSITIVE_INFINITY);
  }

  @Test
  void setOfAMap_createsASection() {
    String text =
        Fixtures.SMALL
            + "variants:\n"
            + "  limited:\n"
            + "    set:\n"
            + "      gateway.rate_limit: {rate: 150/s}\n"
            + "      gateway.shed.when: {metric: db.utilization, above: 0.9}\n";
    GatewaySpec g =
        (GatewaySpec) Fixtures.load(text).variant("limited").model().components().get("gateway");
    assertThat(g.rateLimit()).isEqualTo(new GatewaySpec.RateLimitSpec(150, 2));
    assertThat(g.shed().when().above()).isEqualTo(0.9);
    assertThat(g.shed().limitFraction()).isEqualTo(0.5);
  }

  @Test
  void add_createsComponentsThatSetCanThenReference() {
    String text =
        Fixtures.SMALL.replace(
                "  db:\n",
                "  worker:\n    kind: worker\n    broker: redis\n    queue: emails\n  db:\n")
            + "variants:\n"
            + "  split-redis:\n"
            + "    set: {worker.broker: redis-broker}\n"
            + "    add: {components: {redis-broker: {kind: redis, persistence: aof}}}\n";
    Scenario s = Fixtures.load(text);
    var model = s.variant("split-redis").model();
    assertThat(((WorkerSpec) model.components().get("worker")).broker()).isEqualTo("redis-broker");
    assertThat(((RedisSpec) model.components().get("redis-broker")).persistence())
        .isEqualTo(RedisSpec.Persistence.AOF);
    assertThat(s.base().components()).doesNotContainKey("redis-broker");
  }

  @Test
  void addOfAnExistingName_isAProblem() {
    String text =
        Fixtures.SMALL + "variants:\n  v:\n    add: {components: {redis: {kind: redis}}}\n";
    assertThatThrownBy(() -> Fixtures.load(text))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining(
            "variants.v.add.components.redis: \"redis\" already exists in components");
  }

  @Test
  void variantCannotChangeScenarioFields() {
    String text = Fixtures.SMALL + "variants:\n  v:\n    set: {seed: 3}\n";
    assertThatThrownBy(() -> Fixtures.load(text))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("\"seed\" names nothing: \"seed\" belongs to the scenario");
  }

  @Test
  void setOverrides_applyBeforeBindingIncludingScenarioFields() {
    Scenario s =
        Fixtures.load(
            withShed(), "db.nodes=4", "seed=9", "gateway.shed=none", "replications=3", "scale=1/2");
    assertThat(((DatabaseSpec) s.base().components().get("db")).nodes()).isEqualTo(2);
    assertThat(s.seed()).isEqualTo(9);
    assertThat(s.replications()).isEqualTo(3);
    assertThat(((GatewaySpec) s.base().components().get("gateway")).shed()).isNull();
    assertThat(s.resolvedYaml()).contains("scale: 1/2").contains("seed: 9");
  }

  @Test
  void setOverride_withoutEquals_isAProblem() {
    assertThatThrownBy(() -> Fixtures.load(Fixtures.SMALL, "db.nodes"))
        .hasMessage("--set:1:1: --set: \"db.nodes\" is not PATH=VALUE (expected e.g. db.nodes=24)");
  }

  @Test
  void scale_multipliesTotalsRoundsCountsAndKeepsPerUnitFigures() {
    Scenario s = Fixtures.load(Fixtures.SMALL, "scale=1/16", "db.nodes=16", "app.instances=20");
    var m = s.base();
    assertThat(m.scale()).isEqualTo(0.0625);
    assertThat(m.workload().get("web").rate()).isEqualTo(12.5);
    ServiceSpec app = (ServiceSpec) m.components().get("app");
    assertThat(app.instances()).isEqualTo(1); // 1.25 rounds to 1
    assertThat(app.threads()).isEqualTo(20);
    DatabaseSpec db = (DatabaseSpec) m.components().get("db");
    assertThat(db.nodes()).isEqualTo(1);
    assertThat(db.capacity()).isEqualTo(5000.0);
  }

  @Test
  void scale_keepsAtLeastOneInstance() {
    Scenario s = Fixtures.load(Fixtures.SMALL, "scale=0.01");
    assertThat(((ServiceSpec) s.base().components().get("app")).instances()).isEqualTo(1);
  }

  @Test
  void scaleOutOfRange_isAProblem() {
    assertThatThrownBy(() -> Fixtures.load(Fixtures.SMALL, "scale=2"))
        .hasMessageContaining("scale: \"2\" is not a scale (expected a fraction in (0,1]");
  }

  @Test
  void sweep_isTheGridOfEveryVariantInFileOrder() {
    String text =
        Fixtures.SMALL
            + "variants:\n  a: {}\n  b:\n    set: {app.threads: 5}\n"
            + "sweep:\n  db.nodes: [1, 2]\n  redis-cb.open_for: [5s, 30s, 2m]\n";
    Scenario s = Fixtures.load(text);
    List<Case> cases = s.cases(List.of(), true);
    assertThat(cases).hasSize(12);
    assertThat(cases.get(0).label()).isEqualTo("a[db.nodes=1,redis-cb.open_for=5s]");
    assertThat(cases.get(2).label()).isEqualTo("a[db.nodes=1,redis-cb.open_for=2m]");
    assertThat(cases.get(3).label()).isEqualTo("a[db.nodes=2,redis-cb.open_for=5s]");
    assertThat(cases.get(11).label()).isEqualTo("b[db.nodes=2,redis-cb.open_for=2m]");
    Case last = cases.get(11);
    assertThat(((DatabaseSpec) last.model().components().get("db")).nodes()).isEqualTo(2);
    assertThat(last.model().breakers().get("redis-cb").openFor()).isEqualTo(120.0);
    assertThat(((ServiceSpec) last.model().components().get("app")).threads()).isEqualTo(5);
    assertThat(s.cases(List.of("b"), false)).extracting(Case::label).containsExactly("b");
    assertThat(s.sweep()).containsEntry("db.nodes", List.of("1", "2"));
  }

  @Test
  void sweepParams_replaceTheFileSweep() {
    String text = Fixtures.SMALL + "sweep:\n  db.nodes: [1, 2]\n";
    Scenario s =
        ScenarioLoader.load(
            text,
            Fixtures.FILE,
            LoadOptions.NONE.withParams(List.of("app.steps[0].work=exp(1ms),lognormal(2ms, 0.5)")));
    assertThat(s.cases(List.of(), true))
        .extracting(Case::label)
        .containsExactly(
            "baseline[app.steps[0].work=exp(1ms)]",
            "baseline[app.steps[0].work=lognormal(2ms, 0.5)]");
  }

  @Test
  void badSweepValue_isReportedOnce() {
    String text = Fixtures.SMALL + "variants:\n  a: {}\n  b: {}\nsweep:\n  db.nodes: [1, x]\n";
    assertThatThrownBy(() -> Fixtures.load(text))
        .isInstanceOf(ScenarioException.class)
        .satisfies(e -> assertThat(((ScenarioException) e).problems()).hasSize(1))
        .hasMessageContaining(
            "db.nodes: \"x\" is not a count (expected e.g. 40M or 200) (sweep db.nodes=x)");
  }

  @Test
  void unknownVariant_isAnErrorNamingTheVariants() {
    Scenario s = Fixtures.load(Fixtures.SMALL);
    assertThatThrownBy(() -> s.cases(List.of("nope"), false))
        .hasMessageContaining("no variant \"nope\"")
        .hasMessageContaining("baseline");
  }
}
