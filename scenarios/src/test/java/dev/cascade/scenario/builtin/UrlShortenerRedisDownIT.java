package dev.cascade.scenario.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.cascade.core.result.SimEvent;
import dev.cascade.core.result.Summary;
import dev.cascade.scenario.bind.LoadOptions;
import dev.cascade.scenario.bind.ScenarioLoader;
import dev.cascade.scenario.run.CaseResult;
import dev.cascade.scenario.run.RunOptions;
import dev.cascade.scenario.run.ScenarioResult;
import dev.cascade.scenario.run.ScenarioRunner;
import dev.cascade.scenario.spec.Scenario;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Incident E as the built-in scenario tells it, at its own scale (1/32 with proportional pools:
 * 31.25k reads/s, half a read node: 25k/s, 16 app instances). To keep CI short the outage is moved
 * to 60 s and shortened; everything else is the shipped file. Rates are written as the full
 * system's times {@link #F}. Tolerances: the slice holds exactly its share of the database, so
 * utilization and shares are the incident's ratios; rates are checked within a few percent (Poisson
 * noise over minutes of 31k/s is far below 1%), times within one check period.
 */
class UrlShortenerRedisDownIT {

  private static final double FAULT = 60;

  /** The shipped scale. */
  private static final double F = 1 / 32.0;

  @Test
  void shippedScale_isAThirtySecondWithProportionalPools() {
    Scenario s = ScenarioLoader.loadBuiltin("url-shortener-redis-down", LoadOptions.NONE);
    assertThat(s.base().scale()).isEqualTo(F);
    assertThat(s.base().proportionalPools()).isTrue();
  }

  private static Map<String, Summary> run(double outage, double horizon, String... variants) {
    Scenario s =
        ScenarioLoader.loadBuiltin(
            "url-shortener-redis-down",
            LoadOptions.sets(
                "warmup=30s",
                "horizon=" + (int) horizon + "s",
                "faults[0].at=" + (int) FAULT + "s",
                "faults[0].for=" + (int) outage + "s"));
    ScenarioResult r = ScenarioRunner.run(s, s.cases(List.of(variants), false), RunOptions.jobs(2));
    return r.cases().stream()
        .collect(Collectors.toMap(c -> c.kase().variant(), CaseResult::summary));
  }

  private static double first(Summary s, String component, String event) {
    return s.events().stream()
        .filter(e -> e.component().equals(component) && e.event().equals(event))
        .mapToDouble(SimEvent::timeSeconds)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + component + " " + event));
  }

  private static double mean(Summary s, String metric, String window) {
    return s.stat(metric, window, "mean").mean();
  }

  private static double value(Summary s, String metric, String window) {
    return s.stat(metric, window, "value").mean();
  }

  @Test
  void timeline_breakerAt10s_throttleAt15s_dbWithinCapacity_backTo200kAfter() {
    Map<String, Summary> r = run(180, 300, "no-protection", "breaker-only", "breaker-and-throttle");
    Summary bt = r.get("breaker-and-throttle");
    // Normal: 200k/s (12.5k/s per node over 16 nodes), a quarter of capacity.
    assertThat(mean(bt, "db.load_rps", "before")).isCloseTo(200_000 * F, withinPercentage(3));
    assertThat(mean(bt, "db.utilization", "before")).isCloseTo(0.25, within(0.01));
    // The breaker judges the last 10 s of calls: it opens about 10 s in.
    assertThat(first(bt, "redis-cb", "opened") - FAULT).isBetween(8.0, 12.0);
    // The gateway checks every 15 s: throttling starts at the first check after that, T+15 s.
    assertThat(first(bt, "gateway", "shedding_started") - FAULT).isBetween(10.0, 16.0);
    // Throttled to 600k/s (18.75k/s in the slice): the node runs at 75%, and about 40% of reads
    // get a 503 (1 - 600k/1M), a little less over the window because throttling starts at 15 s.
    assertThat(mean(bt, "db.utilization", "after")).isLessThan(0.5);
    assertThat(value(bt, "redirects.rate_503", "during")).isCloseTo(0.4, within(0.04));
    double[] util = bt.meanSeries("db.utilization");
    assertThat(util[(int) FAULT + 60]).isCloseTo(0.75, within(0.05));
    // After Redis is back (RDB: it keeps its keys), the breaker closes, throttling ends and the
    // database is back to 200k/s (12.5k/s per node).
    assertThat(first(bt, "redis-cb", "closed")).isGreaterThan(FAULT + 180);
    assertThat(first(bt, "gateway", "shedding_stopped")).isGreaterThan(FAULT + 180);
    double[] load = bt.meanSeries("db.load_rps");
    assertThat(load[load.length - 5]).isCloseTo(200_000 * F, withinPercentage(5));

    // Breaker only: all 1M/s head for 800k/s of nodes: saturated, and the excess fails.
    Summary b = r.get("breaker-only");
    assertThat(b.meanSeries("db.utilization")[(int) FAULT + 60]).isGreaterThan(0.98);
    assertThat(
            value(b, "redirects.rate_503", "during")
                + value(b, "redirects.error_rate", "during")
                + value(b, "redirects.timeout_rate", "during"))
        .isGreaterThan(0.1);

    // No protection: every request first waits 500 ms for Redis, threads run out (1M/s x 0.5 s =
    // 500k threads wanted, 100k exist), and latency sits at the Redis timeout and above.
    Summary n = r.get("no-protection");
    assertThat(mean(n, "app.utilization", "during")).isGreaterThan(0.95);
    assertThat(value(n, "redirects.latency_p50", "during")).isGreaterThanOrEqualTo(500);
    assertThat(value(n, "redirects.rate_503", "during")).isGreaterThan(0.5);
  }

  @Test
  void autoscaleOnly_nodesArriveMinutesLate_theSurgeIsImmediate() {
    Map<String, Summary> r = run(420, 540, "autoscale-only");
    Summary a = r.get("autoscale-only");
    // Utilization above 80% for 1 min, then 5 min of provisioning: nothing before T+6 min.
    double scaled = first(a, "db", "scaled_out");
    assertThat(scaled - FAULT).isBetween(360.0, 380.0);
    double[] ok = a.meanSeries("redirects.ok_rps");
    double[] offered = a.meanSeries("redirects.offered_rps");
    // Until then the nodes serve their capacity and no more: 800k of 1M/s, a fifth of the reads
    // fail for six minutes (the surge is immediate, the nodes are not).
    int minute2 = (int) FAULT + 120;
    assertThat(ok[minute2] / offered[minute2]).isCloseTo(800_000 / 1e6, within(0.03));
    assertThat(a.meanSeries("db.utilization")[minute2]).isGreaterThan(0.98);
    // Once doubled, the database serves the whole load again.
    int end = ok.length - 20;
    assertThat(ok[end] / offered[end]).isGreaterThan(0.95);
    // The slice's half node doubled: two simulated nodes of half a real one each.
    assertThat(a.meanSeries("db.nodes")[end]).isEqualTo(2.0);
    // The timeline says what a simulated node is.
    assertThat(a.events())
        .anySatisfy(
            e -> {
              assertThat(e.event()).isEqualTo("scaled_out");
              assertThat(e.detail()).endsWith("(each simulated node is 0.5 of a real one)");
            })
        .anySatisfy(
            e -> {
              assertThat(e.event()).isEqualTo("pool_exhausted");
              assertThat(e.detail())
                  .isEqualTo(
                      "100/100 connections in use (each simulated node is 0.5 of a real one)");
            });
  }
}
