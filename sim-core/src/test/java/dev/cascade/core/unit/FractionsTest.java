package dev.cascade.core.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FractionsTest {

  @ParameterizedTest
  @CsvSource({"0.8, 0.8", "80%, 0.8", "1%, 0.01", "0, 0", "1, 1", "100%, 1", "0.5%, 0.005"})
  void parse_validText_givesRatio(String text, double ratio) {
    assertThat(Fractions.parse(text)).isEqualTo(ratio);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.5", "101%", "-0.1", "-5%"})
  void parse_outsideUnitInterval_throws(String text) {
    assertThatThrownBy(() -> Fractions.parse(text))
        .isInstanceOf(UnitException.class)
        .hasMessage(
            "\""
                + text
                + "\" is not a fraction (expected a value in [0,1] or [0%,100%],"
                + " e.g. 0.8 or 80%)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"half", "80 %", "%", "0.8%%", ""})
  void parse_malformed_throwsWithExample(String text) {
    assertThatThrownBy(() -> Fractions.parse(text))
        .isInstanceOf(UnitException.class)
        .hasMessage("\"" + text + "\" is not a fraction (expected e.g. 0.8 or 80%)");
  }
}
