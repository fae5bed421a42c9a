package dev.cascade.scenario.bind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class ScalePropertyTest {

  @Property
  void scaledCount_isRoundedAndAtLeastOne(
      @ForAll @IntRange(min = 1, max = 10_000) int count,
      @ForAll @IntRange(min = 1, max = 1000) int den) {
    Scale s = Scale.parse("1/" + den);
    int scaled = s.count(count);
    // exact half-up rounding of count/den: 2*count >= (2q+1)*den rounds up
    int q = count / den;
    int expected = 2 * (count - q * den) >= den ? q + 1 : q;
    assertThat(scaled).isEqualTo(Math.max(1, expected));
    assertThat(scaled).isGreaterThanOrEqualTo(1);
  }

  @Property
  void wholeMultipleOfTheSlice_isExact(
      @ForAll @IntRange(min = 1, max = 100) int perSlice,
      @ForAll @IntRange(min = 1, max = 64) int den) {
    assertThat(Scale.parse("1/" + den).count(perSlice * den)).isEqualTo(perSlice);
  }

  @Property
  void fractionAndDecimal_agree(@ForAll @IntRange(min = 1, max = 64) int den) {
    double decimal = 1.0 / den;
    assertThat(Scale.parse("1/" + den).factor())
        .isCloseTo(
            Scale.parse(Double.toString(decimal)).factor(),
            org.assertj.core.data.Offset.offset(1e-15));
  }

  @Property
  void proportionalPools_keepTheSlicesShareOfEveryPool(
      @ForAll @IntRange(min = 1, max = 2_000) int count,
      @ForAll @IntRange(min = 1, max = 256) int den,
      @ForAll @IntRange(min = 1, max = 1_000) int threads) {
    Scale s = Scale.parse("1/" + den);
    Scale.Units u = s.units(count, Scale.Pools.PROPORTIONAL);
    assertThat(u.simulated()).isEqualTo(s.count(count));
    // simulated x share is exactly the slice's count of real units
    assertThat(u.simulated() * u.share()).isCloseTo(count / (double) den, offset(1e-9));
    // a rate pool is split exactly; a whole-number pool to within half a unit per instance
    assertThat(u.simulated() * u.rate(50_000)).isCloseTo(50_000.0 * count / den, offset(1e-6));
    double due = threads * (double) count / den;
    assertThat((double) u.simulated() * u.pool(threads))
        .isCloseTo(due, offset(Math.max(0.5 * u.simulated(), u.simulated() - due) + 1e-9));
    assertThat(u.pool(threads)).isGreaterThanOrEqualTo(1);
    assertThat(u.pool(0)).isZero();
  }

  @Property
  void perUnitPools_keepARealUnitsPools(
      @ForAll @IntRange(min = 1, max = 2_000) int count,
      @ForAll @IntRange(min = 1, max = 256) int den,
      @ForAll @IntRange(min = 0, max = 1_000) int threads) {
    Scale s = Scale.parse("1/" + den);
    Scale.Units u = s.units(count, Scale.Pools.PER_UNIT);
    assertThat(u.share()).isEqualTo(1.0);
    assertThat(u.pool(threads)).isEqualTo(threads);
    // counts of the component's units (autoscale add, kill_nodes) follow the format's rule
    assertThat(s.count(threads, u)).isEqualTo(threads == 0 ? 0 : s.count(threads));
  }

  @Property
  void wholeSlices_areTheSameUnderBothPools(
      @ForAll @IntRange(min = 1, max = 100) int perSlice,
      @ForAll @IntRange(min = 1, max = 64) int den,
      @ForAll @IntRange(min = 1, max = 1_000) int k) {
    Scale s = Scale.parse("1/" + den);
    Scale.Units u = s.units(perSlice * den, Scale.Pools.PROPORTIONAL);
    assertThat(u.share()).isEqualTo(1.0);
    assertThat(u.pool(k)).isEqualTo(k);
    assertThat(s.count(k, u)).isEqualTo(s.count(k));
  }

  @Property
  void proportionalCounts_areInUnitsOfTheSimulatedSize(
      @ForAll @IntRange(min = 1, max = 64) int nodes,
      @ForAll @IntRange(min = 1, max = 256) int den,
      @ForAll @IntRange(min = 1, max = 256) int add) {
    Scale s = Scale.parse("1/" + den);
    Scale.Units u = s.units(nodes, Scale.Pools.PROPORTIONAL);
    int simulated = s.count(add, u);
    // add real nodes are add x simulated / nodes simulated ones, rounded half up, at least one
    double exact = add * (double) u.simulated() / nodes;
    assertThat(simulated).isGreaterThanOrEqualTo(1);
    assertThat((double) simulated).isCloseTo(Math.max(1, exact), offset(0.5 + 1e-9));
  }
}
