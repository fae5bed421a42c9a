package dev.cascade.core.unit;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/**
 * Every printer's text parses back to exactly the value printed. Doubles are drawn uniformly over
 * their bit patterns, which spreads them over all magnitudes and exercises long mantissas.
 */
class UnitRoundTripPropertyTest {

  /** Non-negative doubles up to {@code max}, uniform over bit patterns. */
  static Arbitrary<Double> nonNegativeUpTo(double max) {
    return Arbitraries.longs()
        .between(0, Double.doubleToLongBits(max))
        .map(Double::longBitsToDouble)
        .edgeCases(edges -> edges.add(0.0));
  }

  @Provide
  Arbitrary<Double> seconds() {
    return nonNegativeUpTo(1e12);
  }

  @Provide
  Arbitrary<Double> ratesPerSecond() {
    return nonNegativeUpTo(1e15);
  }

  @Provide
  Arbitrary<Double> plainNumbers() {
    return nonNegativeUpTo(1e15).flatMap(x -> Arbitraries.of(x, -x));
  }

  @Property(tries = 1000)
  void durations_formatThenParse_givesSameSeconds(@ForAll("seconds") double seconds) {
    assertThat(Durations.parse(Durations.format(seconds))).isEqualTo(seconds);
  }

  @Property(tries = 1000)
  void rates_formatThenParse_givesSameRate(@ForAll("ratesPerSecond") double perSecond) {
    assertThat(Rates.parse(Rates.format(perSecond))).isEqualTo(perSecond);
  }

  @Property(tries = 1000)
  void sizes_formatThenParse_givesSameBytes(@ForAll @LongRange(min = 0) long bytes) {
    assertThat(Sizes.parse(Sizes.format(bytes))).isEqualTo(bytes);
  }

  @Property(tries = 1000)
  void counts_formatThenParse_givesSameCount(@ForAll @LongRange(min = 0) long count) {
    assertThat(Counts.parse(Counts.format(count))).isEqualTo(count);
  }

  @Property(tries = 1000)
  void numbers_formatThenParse_givesSameValue(@ForAll("plainNumbers") double value) {
    assertThat(Numbers.parse(Numbers.format(value))).isEqualTo(value);
  }
}
