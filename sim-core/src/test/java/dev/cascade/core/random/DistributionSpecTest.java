package dev.cascade.core.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.cascade.core.random.DistributionSpec.Const;
import dev.cascade.core.random.DistributionSpec.Exponential;
import dev.cascade.core.random.DistributionSpec.LogNormal;
import dev.cascade.core.random.DistributionSpec.Pareto;
import dev.cascade.core.random.DistributionSpec.Quantity;
import dev.cascade.core.random.DistributionSpec.Shifted;
import dev.cascade.core.random.DistributionSpec.Uniform;
import dev.cascade.core.unit.UnitException;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DistributionSpecTest {
  private static final String GENERAL = "e.g. exp(2ms), lognormal(3ms, 0.5)";

  @Test
  void parse_eachKind_givesSpecInSeconds() {
    assertThat(DistributionSpec.parse("const(5ms)")).isEqualTo(new Const(0.005, Quantity.DURATION));
    assertThat(DistributionSpec.parse("exp(2ms)"))
        .isEqualTo(new Exponential(0.002, Quantity.DURATION));
    assertThat(DistributionSpec.parse("lognormal(3ms, 0.5)"))
        .isEqualTo(new LogNormal(0.003, 0.5, Quantity.DURATION));
    assertThat(DistributionSpec.parse("uniform(1ms,5ms)"))
        .isEqualTo(new Uniform(0.001, 0.005, Quantity.DURATION));
    assertThat(DistributionSpec.parse("pareto(1ms, 2.5)"))
        .isEqualTo(new Pareto(0.001, 2.5, Quantity.DURATION));
    assertThat(DistributionSpec.parse("lognormal(10m, 0.8)"))
        .isEqualTo(new LogNormal(600, 0.8, Quantity.DURATION));
  }

  @Test
  void parse_bareDuration_isExponential() {
    assertThat(DistributionSpec.parse("2ms")).isEqualTo(DistributionSpec.parse("exp(2ms)"));
    assertThat(DistributionSpec.parse("8m12s")).isEqualTo(new Exponential(492, Quantity.DURATION));
  }

  @Test
  void parse_plainNumbers_areDimensionless() {
    assertThat(DistributionSpec.parse("uniform(0, 1)"))
        .isEqualTo(new Uniform(0, 1, Quantity.NUMBER));
    assertThat(DistributionSpec.parse("const(0.5)")).isEqualTo(new Const(0.5, Quantity.NUMBER));
    assertThat(DistributionSpec.parse("uniform(0, 5ms)"))
        .isEqualTo(new Uniform(0, 0.005, Quantity.DURATION));
    assertThat(DistributionSpec.parse("const(0)").quantity()).isEqualTo(Quantity.NUMBER);
  }

  @Test
  void parse_extraWhitespace_isAccepted() {
    assertThat(DistributionSpec.parse("  lognormal( 3ms ,0.5 ) "))
        .isEqualTo(new LogNormal(0.003, 0.5, Quantity.DURATION));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "exp(2xs)",
        "2xs",
        "5",
        "0",
        "normal(1ms, 2ms)",
        "EXP(2ms)",
        "exp(2ms",
        "exp 2ms",
        "lognormal(3ms, 5ms)",
        "uniform(1ms, 2xs)",
        "",
        "exp()"
      })
  void parse_malformed_namesTextAndExample(String text) {
    assertThatThrownBy(() -> DistributionSpec.parse(text))
        .isInstanceOf(UnitException.class)
        .hasMessage("\"" + text + "\" is not a distribution (expected " + GENERAL + ")");
  }

  @Test
  void parse_exampleFromBrief_hasExactMessage() {
    assertThatThrownBy(() -> DistributionSpec.parse("exp(2xs)"))
        .hasMessage(
            "\"exp(2xs)\" is not a distribution (expected e.g. exp(2ms), lognormal(3ms, 0.5))");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "exp(0)",
        "exp(0s)",
        "exp(-1)",
        "lognormal(3ms, 0)",
        "lognormal(0, 0.5)",
        "uniform(5ms, 1ms)",
        "uniform(1ms, 2)",
        "pareto(1ms, 0)",
        "exp(1ms, 2ms)",
        "uniform(1ms)",
        "const(1ms, 2ms)"
      })
  void parse_badParameters_showsUsageOfThatKind(String text) {
    String name = text.substring(0, text.indexOf('('));
    assertThatThrownBy(() -> DistributionSpec.parse(text))
        .isInstanceOfSatisfying(
            UnitException.class, e -> assertThat(e.expected()).startsWith(name + "("));
  }

  @Test
  void toString_givesCanonicalText() {
    assertThat(DistributionSpec.parse("2ms")).hasToString("exp(2ms)");
    assertThat(DistributionSpec.parse("lognormal(3ms,0.50)")).hasToString("lognormal(3ms, 0.5)");
    assertThat(DistributionSpec.parse("uniform(0,5ms)")).hasToString("uniform(0s, 5ms)");
    assertThat(DistributionSpec.parse("exp(0.5s)")).hasToString("exp(500ms)");
    assertThat(DistributionSpec.parse("pareto(1, 1.5)")).hasToString("pareto(1, 1.5)");
    assertThat(DistributionSpec.parse("lognormal(10m, 0.8)")).hasToString("lognormal(10m, 0.8)");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "const(5ms)", "exp(2ms)", "lognormal(3ms, 0.5)", "uniform(1ms, 5ms)", "pareto(1ms, 2.5)",
        "const(0)", "uniform(0, 1)", "uniform(0s, 1ms)", "exp(1.5)", "lognormal(10m, 0.8)",
        "exp(8m12s)", "uniform(-1, 1)"
      })
  void parse_ofToString_isEqual(String text) {
    DistributionSpec spec = DistributionSpec.parse(text);
    assertThat(DistributionSpec.parse(spec.toString())).isEqualTo(spec);
  }

  @Test
  void mean_eachKind_matchesClosedForm() {
    assertThat(DistributionSpec.parse("const(5ms)").mean()).isEqualTo(0.005);
    assertThat(DistributionSpec.parse("exp(2ms)").mean()).isEqualTo(0.002);
    assertThat(DistributionSpec.parse("lognormal(3ms, 0.5)").mean())
        .isCloseTo(0.003 * Math.exp(0.125), within(1e-15));
    assertThat(DistributionSpec.parse("uniform(1ms, 5ms)").mean()).isCloseTo(0.003, within(1e-15));
    assertThat(DistributionSpec.parse("pareto(1ms, 2.5)").mean())
        .isCloseTo(2.5 * 0.001 / 1.5, within(1e-15));
    assertThat(DistributionSpec.parse("pareto(1ms, 1)").mean()).isInfinite();
  }

  @Test
  void plus_constAndUniform_moveParameters() {
    assertThat(DistributionSpec.parse("const(1ms)").plus(0.2)).hasToString("const(201ms)");
    assertThat(DistributionSpec.parse("uniform(1ms, 2ms)").plus(0.2))
        .hasToString("uniform(201ms, 202ms)");
    assertThat(DistributionSpec.parse("const(0)").plus(0.2)).hasToString("const(200ms)");
  }

  @Test
  void plus_otherKinds_shiftSamplesAndMean() {
    DistributionSpec slow = DistributionSpec.parse("exp(2ms)").plus(0.25);
    assertThat(slow).isInstanceOf(Shifted.class).hasToString("exp(2ms) + 250ms");
    assertThat(slow.mean()).isCloseTo(0.252, within(1e-15));
    assertThat(slow.plus(0.5))
        .isEqualTo(new Shifted(new Exponential(0.002, Quantity.DURATION), 0.75));
    Distribution drawn = slow.bind(new XoRoShiRo128PlusPlus(1, 2));
    for (int i = 0; i < 1000; i++) {
      assertThat(drawn.sample()).isGreaterThanOrEqualTo(0.25);
    }
    assertThat(drawn.describe()).isEqualTo("exp(2ms) + 250ms");
  }

  @Test
  void plus_zero_isSameSpec() {
    DistributionSpec spec = DistributionSpec.parse("lognormal(3ms, 0.5)");
    assertThat(spec.plus(0)).isSameAs(spec);
  }

  @Test
  void plus_dimensionlessOrNegative_throws() {
    assertThatThrownBy(() -> DistributionSpec.parse("exp(2)").plus(0.2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DistributionSpec.parse("exp(2ms)").plus(-0.1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void bind_describe_isCanonicalText() {
    Distribution d =
        DistributionSpec.parse("lognormal(3ms,0.5)").bind(new XoRoShiRo128PlusPlus(1, 2));
    assertThat(d.describe()).isEqualTo("lognormal(3ms, 0.5)");
    assertThat(d.mean()).isEqualTo(DistributionSpec.parse("lognormal(3ms, 0.5)").mean());
  }

  @Test
  void const_sample_isAlwaysValue() {
    Distribution d = DistributionSpec.parse("const(5ms)").bind(new XoRoShiRo128PlusPlus(1, 2));
    assertThat(d.sample()).isEqualTo(0.005);
    assertThat(d.sample()).isEqualTo(0.005);
  }
}
