package dev.cascade.core.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NumbersTest {

  @ParameterizedTest
  @CsvSource({"0.5, 0.5", "3, 3", "-2.25, -2.25", "0, 0"})
  void parse_plainDecimal_givesValue(String text, double value) {
    assertThat(Numbers.parse(text)).isEqualTo(value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e3", "NaN", "Infinity", "2ms", "", "+1", "1."})
  void parse_notPlainDecimal_throws(String text) {
    assertThatThrownBy(() -> Numbers.parse(text))
        .isInstanceOf(UnitException.class)
        .hasMessage("\"" + text + "\" is not a number (expected e.g. 0.5)");
  }

  @Test
  void format_value_isPlainAndShortest() {
    assertThat(Numbers.format(0.5)).isEqualTo("0.5");
    assertThat(Numbers.format(3)).isEqualTo("3");
    assertThat(Numbers.format(1e-4)).isEqualTo("0.0001");
    assertThat(Numbers.format(2e7)).isEqualTo("20000000");
    assertThat(Numbers.format(-0.0)).isEqualTo("0");
  }
}
