package dev.cascade.model;

import static dev.cascade.model.Specs.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cascade.core.random.DistributionSpec;
import dev.cascade.core.result.RunResult;
import dev.cascade.core.result.SimEvent;
import dev.cascade.model.spec.DatabaseSpec;
import dev.cascade.model.spec.FaultSpec;
import dev.cascade.model.spec.ModelSpec;
import dev.cascade.model.spec.MonitorSpec;
import dev.cascade.model.spec.StepSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Monitors with remediation, autoscaling and random faults. */
class OperationsTest {

  private static List<SimEvent> events(RunResult r, String component, String event) {
    return r.events().stream()
        .filter(e -> e.component().equals(component) && e.event().equals(event))
        .toList();
  }

  private static ModelSpec crashWithMonitor(double success, int attempts) {
    ModelSpec base =
        model(
            600,
            1,
            List.of(workload("users", "app", 20, client(5, 0))),
            List.of(
                service("app", 1, 50, 50, cacheAside("redis", "db", 0.5, null)),
                redis("redis", 0.8),
                db("db", 1, 5000, "exp(2ms)", 200)),
            List.of(),
            List.of(fault(10, "redis", FaultSpec.Action.CRASH, Double.POSITIVE_INFINITY)));
    MonitorSpec ping =
        new MonitorSpec(
            "redis-ping",
            below("redis.up", 1),
            30,
            10,
            new MonitorSpec.RemediationSpec("restart", "redis", 60, success, attempts));
    return new ModelSpec(
        base.horizon(),
        0,
        1,
        1,
        base.workload(),
        base.components(),
        base.breakers(),
        base.faults(),
        List.of(ping));
  }

  @Test
  void monitor_firesAfterFor_remediationRestartsRedis() {
    ModelSpec spec = crashWithMonitor(1.0, 3);
    RunResult r = ModelRunner.run(spec, 1, 0, windows(600, 10, 600), null, null, true);
    // Checked every 10 s: the check at 10 s runs just after the crash (scheduled earlier at the
    // same time), so the condition has held for 30 s at 40 s; the restart lands 60 s later.
    double fired = events(r, "redis-ping", "alert_fired").get(0).timeSeconds();
    assertThat(fired).isEqualTo(40.0);
    double restarted = events(r, "redis", "restarted").get(0).timeSeconds();
    assertThat(restarted).isEqualTo(100.0);
    assertThat(events(r, "redis-ping", "alert_resolved").get(0).timeSeconds()).isEqualTo(100.0);
    double[] up = r.series("redis.up");
    assertThat(up[50]).isZero(); // interval 50..51 s
    assertThat(up[98]).isZero();
    assertThat(up[101]).isEqualTo(1.0);
  }

  @Test
  void remediation_allAttemptsFail_escalatesAfterThree() {
    RunResult r =
        ModelRunner.run(crashWithMonitor(0.0, 3), 1, 0, windows(600, 10, 600), null, null);
    assertThat(events(r, "redis-ping", "remediation_failed")).hasSize(3);
    assertThat(events(r, "redis-ping", "escalated")).hasSize(1);
    assertThat(events(r, "redis", "restarted")).isEmpty();
  }

  @Test
  void remediation_95percentSuccess_givesAbout95percentFirstAttemptRecoveries() {
    int runs = 200;
    int firstAttempt = 0;
    ModelSpec spec = crashWithMonitor(0.95, 3);
    for (int rep = 0; rep < runs; rep++) {
      RunResult r = ModelRunner.run(spec, 11, rep, windows(600, 10, 600), null, null);
      if (events(r, "redis-ping", "remediation_failed").isEmpty()
          && !events(r, "redis", "restarted").isEmpty()) {
        firstAttempt++;
      }
    }
    double share = firstAttempt / (double) runs;
    // Binomial standard error sqrt(0.95 x 0.05 / 200) = 0.0154; allow 3 of them.
    assertThat(share).isCloseTo(0.95, within(3 * Math.sqrt(0.95 * 0.05 / runs)));
  }

  @Test
  void autoscale_addsNodesAfterForPlusDelay() {
    DatabaseSpec.AutoscaleSpec auto =
        new DatabaseSpec.AutoscaleSpec(above("db.utilization", 0.8), 10, 2, 60, 6);
    DatabaseSpec db =
        new DatabaseSpec(
            "db", 2, 500, DistributionSpec.parse("exp(10ms)"), 0, 200, 30, null, auto, false);
    ModelSpec spec =
        model(
            200,
            1,
            List.of(workload("users", "app", 900, client(5, 0))),
            List.of(service("app", 1, 2000, 100, new StepSpec.Call("db", 5, 0, null)), db),
            List.of(),
            List.of());
    RunResult r = ModelRunner.run(spec, 1, 0, windows(200, Double.NaN, 0), null, null, true);
    // 900/s against 2 x 500/s: 90% utilization, over the 80% threshold from the first second.
    List<SimEvent> scaled = events(r, "db", "scaled_out");
    assertThat(scaled).isNotEmpty();
    // Held for 10 s (checked each second from 1 s), then 60 s to provision.
    assertThat(scaled.get(0).timeSeconds()).isBetween(70.0, 75.0);
    double[] nodes = r.series("db.nodes");
    assertThat(nodes[50]).isEqualTo(2.0);
    assertThat(nodes[nodes.length - 1]).isEqualTo(4.0);
  }

  @Test
  void randomFaults_recurAtMtbfPlusMttr() {
    FaultSpec random =
        new FaultSpec(
            Double.NaN,
            "redis",
            FaultSpec.Action.CRASH,
            Double.POSITIVE_INFINITY,
            0,
            0,
            1,
            DistributionSpec.parse("exp(100s)"),
            DistributionSpec.parse("const(20s)"));
    ModelSpec spec =
        model(
            20_000,
            1,
            List.of(workload("users", "app", 1, client(5, 0))),
            List.of(
                service("app", 1, 50, 50, cacheAside("redis", "db", 0.5, null)),
                redis("redis", 0.8),
                db("db", 1, 5000, "exp(2ms)", 200)),
            List.of(),
            List.of(random));
    RunResult r = ModelRunner.run(spec, 3, 0, windows(20_000, Double.NaN, 0), null, null);
    int crashes = events(r, "redis", "crashed").size();
    // A cycle is 100 s up (mean) + 20 s down: about 167 crashes in 20,000 s (Poisson sd ~13).
    assertThat(crashes).isBetween(125, 210);
    // Availability = 100 / 120.
    assertThat(r.stats("redis.up", "all").mean()).isCloseTo(100.0 / 120, within(0.03));
  }
}
