package dev.cascade.scenario.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.cascade.core.result.Summary;
import dev.cascade.scenario.Fixtures;
import dev.cascade.scenario.spec.Scenario;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Common random numbers: variants that differ only in components a request path never touches must
 * produce exactly the same numbers along that path, replication by replication, because every
 * component draws from its own stream derived from (seed, replication, component name).
 */
class CommonRandomNumbersTest {

  /** The path of web requests: these components see exactly the same traffic in both variants. */
  private static final List<String> PATH =
      List.of("web.", "gateway.", "app.", "redis.", "db.", "redis-cb.");

  private static final String TEXT =
      Fixtures.SMALL.replace(
              "  db:\n",
              "  jobs:\n    kind: redis\n"
                  + "  mailer:\n    kind: worker\n    broker: jobs\n    queue: emails\n"
                  + "  db:\n")
          + "variants:\n"
          + "  one-consumer: {}\n"
          + "  more-unrelated-parts:\n"
          + "    set: {mailer.consumers: 7, jobs.latency: exp(5ms)}\n"
          + "    add: {components: {spare: {kind: redis}, aaa-first: {kind: redis}}}\n";

  private static Map<String, double[]> pathSeries(Summary s) {
    return s.meanSeries().entrySet().stream()
        .filter(e -> PATH.stream().anyMatch(p -> e.getKey().startsWith(p)))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  @Test
  void variantsDifferingOffThePath_giveIdenticalMetricsOnThePath() {
    Scenario s = Fixtures.load(TEXT, "replications=2");
    ScenarioResult r = ScenarioRunner.run(s, RunOptions.jobs(2));
    Map<String, double[]> a = pathSeries(r.cases().get(0).summary());
    Map<String, double[]> b = pathSeries(r.cases().get(1).summary());
    assumeThat(a).as("models publish workload metrics").containsKey("web.ok_rps");
    assertThat(b.keySet()).isEqualTo(a.keySet());
    a.forEach((metric, values) -> assertThat(b.get(metric)).as(metric).containsExactly(values));
    assertThat(r.cases().get(0).summary().stats().get("web.latency_p99"))
        .isEqualTo(r.cases().get(1).summary().stats().get("web.latency_p99"));
  }
}
