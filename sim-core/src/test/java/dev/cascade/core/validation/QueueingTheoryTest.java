package dev.cascade.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.core.analytic.Queueing;
import dev.cascade.core.stats.ReplicationStat;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * The engine and samplers against queueing theory. Each check runs independent replications and
 * asserts that the theoretical value lies inside the replications' 95% Student-t confidence
 * interval (widened by nothing: the seeds are fixed, so the test is deterministic, and a model
 * error of a few percent would put the theory outside an interval this narrow).
 */
class QueueingTheoryTest {

  private static final int REPLICATIONS = 10;
  private static final long WARMUP = 20_000;
  private static final long CUSTOMERS = 200_000;

  private static QueueSim[] replicate(double lambda, double mu, int c, boolean deterministic) {
    QueueSim[] runs = new QueueSim[REPLICATIONS];
    for (int r = 0; r < REPLICATIONS; r++) {
      runs[r] = new QueueSim(1, r, lambda, mu, c, deterministic, WARMUP, CUSTOMERS);
    }
    return runs;
  }

  private static ReplicationStat stat(QueueSim[] runs, ToDoubleFunction<QueueSim> f) {
    double[] v = new double[runs.length];
    for (int i = 0; i < runs.length; i++) {
      v[i] = f.applyAsDouble(runs[i]);
    }
    return ReplicationStat.of(v);
  }

  @Test
  void mm1_meanSojournAndP99_matchTheory() {
    double lambda = 0.8;
    double mu = 1.0;
    QueueSim[] runs = replicate(lambda, mu, 1, false);
    ReplicationStat mean = stat(runs, q -> q.meanSojourn);
    ReplicationStat p99 = stat(runs, q -> q.p99Sojourn);
    assertThat(mean.contains(Queueing.mm1MeanSojourn(lambda, mu)))
        .as("mean sojourn %s vs 1/(mu-lambda) = 5", mean)
        .isTrue();
    // p99 = ln(100)/(mu-lambda) = 23.03
    assertThat(p99.contains(Math.log(100) / (mu - lambda))).as("p99 %s", p99).isTrue();
    assertThat(mean.ci95()).isLessThan(0.05 * mean.mean());
  }

  @Test
  void mmc_meanWait_matchesErlangC() {
    int c = 16;
    double mu = 1.0;
    double lambda = 14.4; // rho = 0.9
    QueueSim[] runs = replicate(lambda, mu, c, false);
    ReplicationStat wait = stat(runs, q -> q.meanWait);
    double theory = Queueing.mmcMeanWait(c, lambda, mu);
    assertThat(wait.contains(theory)).as("mean wait %s vs Erlang C %.4f", wait, theory).isTrue();
  }

  @Test
  void md1_meanWait_matchesPollaczekKhinchine() {
    double lambda = 0.7;
    double mu = 1.0;
    QueueSim[] runs = replicate(lambda, mu, 1, true);
    ReplicationStat wait = stat(runs, q -> q.meanWait);
    double theory = Queueing.md1MeanWait(lambda, mu);
    assertThat(wait.contains(theory)).as("mean wait %s vs P-K %.4f", wait, theory).isTrue();
  }

  @Test
  void littlesLaw_holdsOnTheSameRuns() {
    QueueSim[] runs = replicate(0.8, 1.0, 1, false);
    // L - lambda W per replication: zero in expectation.
    ReplicationStat gap = stat(runs, q -> q.meanInSystem - q.arrivalRate * q.meanSojourn);
    assertThat(gap.contains(0.0)).as("L - lambda W = %s", gap).isTrue();
    ReplicationStat l = stat(runs, q -> q.meanInSystem);
    assertThat(l.contains(Queueing.meanInSystem(0.8, Queueing.mm1MeanSojourn(0.8, 1.0))))
        .as("L %s vs rho/(1-rho) = 4", l)
        .isTrue();
  }
}
