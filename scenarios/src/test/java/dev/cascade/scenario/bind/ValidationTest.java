package dev.cascade.scenario.bind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cascade.scenario.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationTest {

  /** The problems of {@code text}, as printed. */
  private static List<String> problems(String text, String... sets) {
    try {
      ScenarioLoader.load(text, Fixtures.FILE, LoadOptions.sets(sets));
    } catch (ScenarioException e) {
      return e.problems().stream().map(Problem::toString).toList();
    }
    throw new AssertionError("expected problems in:\n" + text);
  }

  /** {@code scenario.yaml:line:col} of the first occurrence of {@code needle}. */
  private static String at(String text, String needle) {
    int i = text.indexOf(needle);
    assertThat(i).as("fixture contains %s", needle).isNotNegative();
    String before = text.substring(0, i);
    long line = before.chars().filter(c -> c == '\n').count() + 1;
    int col = i - before.lastIndexOf('\n');
    return Fixtures.FILE + ":" + line + ":" + col;
  }

  private static String small(String from, String to) {
    assertThat(Fixtures.SMALL).contains(from);
    return Fixtures.SMALL.replace(from, to);
  }

  /** Found by LoaderRobustnessPropertyTest (seed 5144702561785558017): it threw from windows. */
  @Test
  void variantSettingAnInvalidHorizon_isAProblem_notACrash() {
    String text = Fixtures.SMALL + "variants:\n  v:\n    set:\n      horizon: none\n";
    assertThat(problems(text))
        .singleElement()
        .asString()
        .isEqualTo(at(text, "none") + ": horizon: is required (not none) (variant v)");
  }

  @Test
  void validScenario_loadsWithoutProblems() {
    assertThat(Fixtures.load(Fixtures.SMALL).name()).isEqualTo("small");
  }

  @Test
  void badUnit_reportsValuePositionTextAndExample() {
    String text = small("capacity: 5k/s", "capacity: 50kk/s");
    assertThat(problems(text))
        .containsExactly(
            "scenario.yaml:23:15: db.capacity: \"50kk/s\" is not a rate (expected e.g. 50k/s)");
  }

  @Test
  void unknownField_reportsLineAndColumnOfKeyWithClosestName() {
    String text = small("capacity: 5k/s", "capcity: 5k/s");
    assertThat(problems(text))
        .containsExactly(
            at(text, "capcity")
                + ": db.capcity: unknown field \"capcity\" (did you mean \"capacity\"?)");
  }

  @Test
  void unknownTopLevelField_suggestsTopLevelName() {
    String text = small("warmup: 5s", "warmpu: 5s");
    assertThat(problems(text))
        .containsExactly(
            at(text, "warmpu") + ": warmpu: unknown field \"warmpu\" (did you mean \"warmup\"?)");
  }

  @Test
  void unknownFieldInStep_isReportedAtItsKey() {
    String text = small("breaker: redis-cb}", "breaker: redis-cb, tll: 1h}");
    assertThat(problems(text))
        .containsExactly(
            at(text, "tll")
                + ": app.steps[1].cache_aside.tll: unknown field \"tll\" (did you mean \"ttl\"?)");
  }

  @Test
  void zeroThreads_isOutOfRange() {
    String text = small("threads: 20", "threads: 0");
    assertThat(problems(text))
        .containsExactly(
            at(text, "0\n")
                + ": app.threads: \"0\" is out of range (expected a whole number >= 1)");
  }

  @Test
  void fractionAboveOne_isRejectedWithRange() {
    String text = small("kind: redis", "kind: redis\n    hit_ratio: 1.5");
    assertThat(problems(text))
        .containsExactly(
            at(text, "1.5")
                + ": redis.hit_ratio: \"1.5\" is not a fraction"
                + " (expected a value in [0,1] or [0%,100%], e.g. 0.8 or 80%)");
  }

  @Test
  void negativeRate_isRejected() {
    String text = small("rate: 200/s", "rate: -200/s");
    assertThat(problems(text))
        .containsExactly(
            at(text, "-200/s")
                + ": web.rate: \"-200/s\" is not a rate (expected a value >= 0, e.g. 50k/s)");
  }

  @Test
  void missingComponent_isReportedWhereItIsNamed() {
    String text = small("next: app", "next: ap");
    assertThat(problems(text))
        .containsExactly(
            at(text, "ap\n") + ": gateway.next: unknown component \"ap\" (did you mean \"app\"?)");
  }

  @Test
  void missingBreaker_isReportedWhereItIsNamed() {
    String text = small("breaker: redis-cb}", "breaker: redis-bc}");
    assertThat(problems(text))
        .containsExactly(
            at(text, "redis-bc")
                + ": app.steps[1].cache_aside.breaker: unknown breaker \"redis-bc\""
                + " (did you mean \"redis-cb\"?)");
  }

  @Test
  void referenceOfWrongKind_namesBothKinds() {
    String text = small("cache: redis,", "cache: db,");
    assertThat(problems(text))
        .containsExactly(
            at(text, "db,")
                + ": app.steps[1].cache_aside.cache: \"db\" is a database,"
                + " expected a redis component");
  }

  @Test
  void callCycle_isReportedAtTheClosingCall() {
    String text =
        small(
                "  redis:\n    kind: redis\n",
                "  redis:\n    kind: redis\n  auth:\n    kind: service\n"
                    + "    steps: [{call: {target: app}}]\n")
            .replace("- work: exp(1ms)", "- call: {target: auth}");
    assertThat(problems(text))
        .containsExactly(
            at(text, "app}}]")
                + ": auth.steps[0].call.target: calls form a cycle: app -> auth -> app");
  }

  @Test
  void unknownKind_suggestsKind() {
    String text = small("kind: database", "kind: databse");
    assertThat(problems(text))
        .containsExactly(
            at(text, "databse")
                + ": db.kind: \"databse\" is not a component kind (did you mean \"database\"?)");
  }

  @Test
  void missingRequiredField_isReportedAtItsMap() {
    String text = small("horizon: 60s\n", "");
    assertThat(problems(text))
        .containsExactly("scenario.yaml:1:1: horizon: required field is missing");
  }

  @Test
  void syntaxError_isReportedWhereTheParserStopped() {
    String text = small("next: app", "next: [app");
    assertThat(problems(text)).hasSize(1);
    assertThat(problems(text).get(0)).startsWith("scenario.yaml:").contains("not valid syntax");
  }

  @Test
  void duplicateKey_isReported() {
    String text = small("threads: 20", "threads: 20\n    threads: 30");
    assertThat(problems(text))
        .containsExactly(at(text, "threads: 30") + ": app.threads: duplicate key \"threads\"");
  }

  @Test
  void conditionOnUnknownMetric_suggestsMetric() {
    String text =
        small(
            "next: app",
            "next: app\n    shed: {when: {metric: db.latncy_p99, above: 100ms}, limit: 100/s}");
    assertThat(problems(text))
        .containsExactly(
            at(text, "db.latncy_p99")
                + ": gateway.shed.when.metric: db (a database) has no metric \"latncy_p99\""
                + " (did you mean \"latency_p99\"?)");
  }

  @Test
  void conditionThresholdInWrongUnit_isRejected() {
    String text = small("next: app", "next: app\n    shed: {when: {metric: redis.up, below: 5ms}}");
    assertThat(problems(text)).hasSize(1);
    assertThat(problems(text).get(0))
        .startsWith(at(text, "5ms") + ": gateway.shed.when.below: \"5ms\" is not a threshold");
  }

  @Test
  void checkOnUnknownMetricAndWindow_areBothReported() {
    String text =
        Fixtures.SMALL.replace("      faults:", "      faults:")
            + "checks:\n"
            + "  - {metric: web.latency_p99, window: recovery, max: 50}\n"
            + "  - {metric: web.latncy_p99, window: outage, max: 50}\n";
    assertThat(problems(text))
        .containsExactly(
            at(text, "recovery")
                + ": checks[0].window: unknown window \"recovery\""
                + " (expected one of before, during, outage, after, all)",
            at(text, "web.latncy_p99")
                + ": checks[1].metric: web (a workload class) has no metric \"latncy_p99\""
                + " (did you mean \"latency_p99\"?)");
  }

  @Test
  void faultWindowWithoutFaults_explainsWhy() {
    String text =
        Fixtures.SMALL.substring(0, Fixtures.SMALL.indexOf("faults:"))
            + "checks:\n  - {metric: web.ok_rps, window: outage, min: 1}\n";
    assertThat(problems(text))
        .containsExactly(
            at(text, "outage")
                + ": checks[0].window: unknown window \"outage\", which needs a scheduled fault"
                + " (expected one of all)");
  }

  @Test
  void setPathThatNamesNothing_isReportedAtTheSetEntry() {
    String text =
        Fixtures.SMALL
            + "variants:\n"
            + "  v1:\n"
            + "    set:\n"
            + "      gateway.shedd: none\n"
            + "      nosuch.threads: 2\n"
            + "      app.steps[5].work: 1ms\n";
    assertThat(problems(text))
        .containsExactly(
            at(text, "gateway.shedd")
                + ": variants.v1.set: \"gateway.shedd\" names nothing: gateway has no field"
                + " \"shedd\" (did you mean \"shed\"?) (variant v1)",
            at(text, "nosuch")
                + ": variants.v1.set: \"nosuch.threads\" names nothing: no component, breaker,"
                + " workload class or top-level field \"nosuch\" (expected one of gateway, app,"
                + " redis, db, redis-cb, web, horizon, warmup, sample, scale, scale_pools,"
                + " workload, components, breakers, faults, monitors) (variant v1)",
            at(text, "app.steps[5]")
                + ": variants.v1.set: \"app.steps[5].work\" names nothing: app.steps"
                + " has 2 items (variant v1)");
  }

  @Test
  void badValueSetByVariant_isReportedAtTheValueInTheVariant() {
    String text = Fixtures.SMALL + "variants:\n  v1:\n    set:\n      db.nodes: lots\n";
    assertThat(problems(text))
        .containsExactly(
            at(text, "lots")
                + ": db.nodes: \"lots\" is not a count (expected e.g. 40M or 200) (variant v1)");
  }

  @Test
  void badSetOverride_isReportedAtTheOption() {
    assertThat(problems(Fixtures.SMALL, "db.nodes=2", "app.threads=many"))
        .containsExactly(
            "--set:2:13: app.threads: \"many\" is not a count (expected e.g. 40M or 200)");
  }

  @Test
  void severalErrors_areReportedAtOnceInFileOrder() {
    String text =
        small("rate: 200/s", "rate: 200/ss")
            .replace("threads: 20", "threads: -1")
            .replace("kind: redis", "kind: redis\n    shard: 2");
    List<String> found = problems(text);
    assertThat(found).hasSize(3);
    assertThat(found.get(0)).startsWith(at(text, "200/ss") + ": web.rate:");
    assertThat(found.get(1)).startsWith(at(text, "-1") + ": app.threads:");
    assertThat(found.get(2))
        .isEqualTo(
            at(text, "shard:")
                + ": redis.shard: unknown field \"shard\" (did you mean \"shards\"?)");
  }

  @Test
  void unreadableFile_isAProblemNotAStackTrace() {
    assertThatThrownBy(() -> ScenarioLoader.load(java.nio.file.Path.of("/no/such/file.yaml")))
        .isInstanceOf(ScenarioException.class)
        .hasMessage("/no/such/file.yaml:1:1: cannot read the file: no such file");
  }

  @Test
  void duplicateNameAcrossSections_isReported() {
    String text = small("  redis-cb:\n", "  redis:\n");
    assertThat(problems(text))
        .contains(
            at(text, "  redis:\n    trip").replaceFirst(":(\\d+)$", ":3")
                + ": redis: the name is already used by a component (names are unique across"
                + " workload classes, components and breakers)");
  }
}
