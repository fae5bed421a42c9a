package dev.cascade.model.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class TokenBucketPropertyTest {

  /** Over every prefix of any arrival sequence, admissions never exceed burst + rate x elapsed. */
  @Property(tries = 300)
  void anyArrivals_admitAtMostBurstPlusRateTimesElapsed(
      @ForAll @DoubleRange(min = 0.5, max = 500) double rate,
      @ForAll @IntRange(min = 1, max = 50) int burst,
      @ForAll @Size(min = 1, max = 500) List<@DoubleRange(min = 0, max = 0.05) Double> gaps) {
    TokenBucket bucket = new TokenBucket(rate, burst);
    double now = 0;
    long admitted = 0;
    for (double gap : gaps) {
      now += gap;
      if (bucket.tryTake(now)) {
        admitted++;
      }
      assertThat((double) admitted).isLessThanOrEqualTo(burst + rate * now + 1e-6);
      bucket.checkInvariants();
    }
  }
}
