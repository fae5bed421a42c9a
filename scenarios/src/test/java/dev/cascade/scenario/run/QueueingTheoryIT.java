package dev.cascade.scenario.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.core.analytic.Queueing;
import dev.cascade.core.result.Summary;
import dev.cascade.core.stats.ReplicationStat;
import dev.cascade.scenario.bind.ScenarioLoader;
import dev.cascade.scenario.spec.Scenario;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.commons.statistics.distribution.TDistribution;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Queueing theory end to end through the scenario format ({@code theory/queueing.yaml}): the file
 * is loaded, run by the runner and read back from the summary, so units, defaults, routing and
 * metrics are all on the path. An M/M/c database behind a pass-through service against Erlang C, an
 * M/M/1 Redis against the exponential sojourn time. Each theoretical value must lie in the 99%
 * confidence interval of the mean over replications (independent runs, Student t).
 */
class QueueingTheoryIT {

  static final int WORKERS = 4;
  static final double DB_LAMBDA = 320;
  static final double DB_MU = 100;
  static final double REDIS_LAMBDA = 700;
  static final double REDIS_MU = 1000;

  static Summary summary;

  @BeforeAll
  static void run() throws Exception {
    Path file = Path.of(QueueingTheoryIT.class.getResource("/theory/queueing.yaml").toURI());
    Scenario s = ScenarioLoader.load(file);
    ScenarioResult r = ScenarioRunner.run(s, RunOptions.jobs(2));
    summary = r.cases().get(0).summary();
    assertThat(summary.replications()).isEqualTo(8);
  }

  /** The window {@code all} (warmup to horizon) statistic {@code stat} of {@code metric}. */
  static ReplicationStat stat(String metric, String stat) {
    ReplicationStat s = summary.stat(metric, "all", stat);
    assertThat(s).as(metric).isNotNull();
    return s;
  }

  /**
   * Asserts that {@code theoryMillis} is inside the 99% interval of {@code metric}'s value, and
   * that the interval is narrow enough to mean something: its half-width under {@code width} of the
   * value (tail percentiles at 80% load vary more from run to run than means).
   */
  static void assertMatches(String metric, double theoryMillis, double width) {
    ReplicationStat s = stat(metric, "value");
    double t95 = TDistribution.of(s.n() - 1).inverseSurvivalProbability(0.025);
    double t99 = TDistribution.of(s.n() - 1).inverseSurvivalProbability(0.005);
    double half99 = s.ci95() * t99 / t95;
    System.out.printf(
        Locale.ROOT,
        "%-26s simulated %8.3f ms ± %.3f (99%%, %d replications), theory %8.3f ms%n",
        metric,
        s.mean(),
        half99,
        s.n(),
        theoryMillis);
    assertThat(Math.abs(s.mean() - theoryMillis))
        .as("%s: simulated %.3f ± %.3f ms, theory %.3f ms", metric, s.mean(), half99, theoryMillis)
        .isLessThanOrEqualTo(half99);
    assertThat(half99).isLessThan(width * theoryMillis);
  }

  @Test
  void mmcDatabase_meanResponse_matchesErlangC() {
    double theory = 1000 * Queueing.mmcMeanSojourn(WORKERS, DB_LAMBDA, DB_MU); // 17.46 ms
    assertMatches("db-users.latency_mean", theory, 0.05);
  }

  @Test
  void mmcDatabase_p99_matchesErlangCDistribution() {
    double theory = 1000 * mmcSojournQuantile(WORKERS, DB_LAMBDA, DB_MU, 0.99);
    assertMatches("db.latency_p99", theory, 0.1); // at the database: submit to reply
    assertMatches("db-users.latency_p99", theory, 0.1); // end to end through the service
  }

  @Test
  void mmcDatabase_utilization_isRho() {
    ReplicationStat u = stat("db.utilization", "mean");
    // utilization = rho = lambda / (c mu) = 0.8, within the 95% interval
    assertThat(Math.abs(u.mean() - DB_LAMBDA / (WORKERS * DB_MU))).isLessThanOrEqualTo(u.ci95());
  }

  @Test
  void mm1Redis_meanAndP99_matchTheory() {
    double mean = 1000 * Queueing.mm1MeanSojourn(REDIS_LAMBDA, REDIS_MU); // 3.33 ms
    assertMatches("cache-users.latency_mean", mean, 0.05);
    double p99 = 1000 * Queueing.mm1SojournQuantile(REDIS_LAMBDA, REDIS_MU, 0.99); // 15.35 ms
    assertMatches("redis.latency_p99", p99, 0.1);
    assertMatches("cache-users.latency_p99", p99, 0.1);
  }

  /**
   * The p-quantile of the M/M/c sojourn time T = Wq + S: with probability 1 - C no wait, so T = S ~
   * Exp(μ); otherwise Wq ~ Exp(θ), θ = cμ - λ, and Wq + S is hypoexponential. So P(T > t) = (1 - C)
   * e^(-μt) + C (θ e^(-μt) - μ e^(-θt)) / (θ - μ), solved for t by bisection.
   */
  static double mmcSojournQuantile(int c, double lambda, double mu, double p) {
    double wait = Queueing.erlangC(c, lambda, mu);
    double theta = c * mu - lambda;
    double lo = 0;
    double hi = 100 / Math.min(mu, theta);
    for (int i = 0; i < 200; i++) {
      double t = (lo + hi) / 2;
      double tail =
          (1 - wait) * Math.exp(-mu * t)
              + wait * (theta * Math.exp(-mu * t) - mu * Math.exp(-theta * t)) / (theta - mu);
      if (tail > 1 - p) {
        lo = t;
      } else {
        hi = t;
      }
    }
    return (lo + hi) / 2;
  }
}
