package dev.cascade.scenario.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.core.result.Summary;
import dev.cascade.scenario.bind.ScenarioLoader;
import dev.cascade.scenario.spec.Scenario;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The metastable failure of Bronson et al. (HotOS 2021) through the scenario format ({@code
 * theory/metastable-retry-storm.yaml}): a service at 80% load takes a 10 s spike to 160%; clients
 * time out after 300 ms and retry 3 times. Before the spike both variants are healthy. Long after
 * it (window {@code late}, 50 s to 110 s after the spike ended, the offered first tries back at
 * 80%), the clients that retry still get no answer in time while the server is saturated, and the
 * same clients without retries are served as before the spike.
 */
class MetastableRetryStormIT {

  static final double RATE = 800;
  static final double CAPACITY = 1000;

  static final Map<String, Summary> SUMMARIES = new LinkedHashMap<>();

  @BeforeAll
  static void run() throws Exception {
    Path file =
        Path.of(
            MetastableRetryStormIT.class
                .getResource("/theory/metastable-retry-storm.yaml")
                .toURI());
    Scenario s = ScenarioLoader.load(file);
    ScenarioResult r = ScenarioRunner.run(s, RunOptions.jobs(2));
    for (CaseResult c : r.cases()) {
      SUMMARIES.put(c.kase().variant(), c.summary());
    }
    for (String window : new String[] {"before", "during", "late"}) {
      for (String variant : SUMMARIES.keySet()) {
        System.out.printf(
            Locale.ROOT,
            "%-7s %-10s offered %6.0f/s retries %6.0f/s ok %6.1f/s timeouts %.3f 503s %.3f"
                + " utilization %.3f%n",
            window,
            variant,
            mean(variant, "web.offered_rps", window),
            mean(variant, "web.retry_rps", window),
            mean(variant, "web.ok_rps", window),
            value(variant, "web.timeout_rate", window),
            value(variant, "web.rate_503", window),
            mean(variant, "app.utilization", window));
      }
    }
  }

  static double mean(String variant, String metric, String window) {
    return SUMMARIES.get(variant).stat(metric, window, "mean").mean();
  }

  static double value(String variant, String metric, String window) {
    return SUMMARIES.get(variant).stat(metric, window, "value").mean();
  }

  @Test
  void beforeTheSpike_bothAreHealthy() {
    for (String v : SUMMARIES.keySet()) {
      assertThat(value(v, "web.timeout_rate", "before")).as(v).isLessThan(0.001);
      assertThat(value(v, "web.rate_503", "before")).as(v).isZero();
      assertThat(mean(v, "web.ok_rps", "before")).as(v).isBetween(0.95 * RATE, 1.05 * RATE);
      assertThat(mean(v, "app.utilization", "before")).as(v).isBetween(0.75, 0.85);
    }
  }

  @Test
  void withRetries_staysOverloadedLongAfterTheSpike() {
    // The first tries are back at 80% of capacity, but retries keep the offered load far above
    // it, the server saturated, and nearly every attempt failing.
    assertThat(mean("retries", "web.offered_rps", "late")).isGreaterThan(2 * CAPACITY);
    assertThat(mean("retries", "app.utilization", "late")).isGreaterThan(0.99);
    assertThat(
            value("retries", "web.timeout_rate", "late") + value("retries", "web.rate_503", "late"))
        .isGreaterThan(0.99);
    assertThat(mean("retries", "web.ok_rps", "late")).isLessThan(0.05 * RATE);
  }

  @Test
  void withoutRetries_recovers() {
    assertThat(value("no-retries", "web.timeout_rate", "late")).isLessThan(0.001);
    assertThat(value("no-retries", "web.rate_503", "late")).isZero();
    assertThat(mean("no-retries", "web.ok_rps", "late")).isBetween(0.95 * RATE, 1.05 * RATE);
    assertThat(mean("no-retries", "app.utilization", "late")).isBetween(0.75, 0.85);
  }

  @Test
  void duringTheSpike_bothTimeOut() {
    // the trigger: the queueing delay passes the client timeout in both variants
    for (String v : SUMMARIES.keySet()) {
      assertThat(value(v, "web.timeout_rate", "during") + value(v, "web.rate_503", "during"))
          .as(v)
          .isGreaterThan(0.3);
    }
  }
}
