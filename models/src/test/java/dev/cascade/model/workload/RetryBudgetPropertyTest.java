package dev.cascade.model.workload;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

class RetryBudgetPropertyTest {

  /**
   * A client that retries up to {@code maxRetries} times with success probability {@code p} per
   * attempt: over a long run, retries stay within ratio x first tries plus the capacity.
   */
  @Property(tries = 100)
  void longRun_retriesPerFirstTryAtMostRatio(
      @ForAll @DoubleRange(min = 0.01, max = 0.5) double ratio,
      @ForAll @DoubleRange(min = 0.0, max = 1.0) double p,
      @ForAll @IntRange(min = 1, max = 5) int maxRetries,
      @ForAll long seed) {
    UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed);
    RetryBudget budget = new RetryBudget(ratio);
    int requests = 20_000;
    long retries = 0;
    for (int i = 0; i < requests; i++) {
      budget.onFirstTry();
      boolean ok = rng.nextDouble() < p;
      for (int attempt = 0; !ok && attempt < maxRetries && budget.tryRetry(); attempt++) {
        retries++;
        ok = rng.nextDouble() < p;
      }
      if (ok) {
        budget.onSuccess();
      }
    }
    budget.checkInvariants();
    assertThat(retries).isEqualTo(budget.retriesGranted());
    // The ratio is kept to a millionth of a token, so it may round up by half a millionth.
    assertThat((double) retries)
        .isLessThanOrEqualTo((ratio + 5e-7) * requests + RetryBudget.DEFAULT_CAPACITY);
    assertThat((double) (retries - RetryBudget.DEFAULT_CAPACITY) / requests)
        .isLessThanOrEqualTo(ratio + 1e-6);
  }
}
