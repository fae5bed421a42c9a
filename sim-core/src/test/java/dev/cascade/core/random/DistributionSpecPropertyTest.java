package dev.cascade.core.random;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.core.random.DistributionSpec.Quantity;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class DistributionSpecPropertyTest {

  @Property(tries = 500)
  void parse_ofToString_equalsSpec(@ForAll("specs") DistributionSpec spec) {
    assertThat(DistributionSpec.parse(spec.toString())).isEqualTo(spec);
  }

  /** Positive doubles up to {@code max}, uniform over bit patterns (so over all magnitudes). */
  private static Arbitrary<Double> positiveUpTo(double max) {
    return Arbitraries.longs()
        .between(Double.doubleToLongBits(1e-12), Double.doubleToLongBits(max))
        .map(Double::longBitsToDouble);
  }

  @Provide
  Arbitrary<DistributionSpec> specs() {
    Arbitrary<Double> positive = positiveUpTo(1e9);
    Arbitrary<Double> shape = positiveUpTo(100);
    Arbitrary<Quantity> quantity = Arbitraries.of(Quantity.class);
    return Arbitraries.oneOf(
        Combinators.combine(positive, quantity).as(DistributionSpec.Const::new),
        Combinators.combine(positive, quantity).as(DistributionSpec.Exponential::new),
        Combinators.combine(positive, shape, quantity).as(DistributionSpec.LogNormal::new),
        Combinators.combine(positive, shape, quantity).as(DistributionSpec.Pareto::new),
        Combinators.combine(positive, positive, quantity)
            .as((a, b, q) -> new DistributionSpec.Uniform(Math.min(a, b), Math.max(a, b), q)));
  }
}
