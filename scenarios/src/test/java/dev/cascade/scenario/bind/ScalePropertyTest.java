package dev.cascade.scenario.bind;

import static org.assertj.core.api.Assertions.assertThat;

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
}
