package dev.cascade.core.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RatesTest {

  @ParameterizedTest
  @CsvSource({
    "1M/s, 1000000",
    "50k/s, 50000",
    "600/m, 10",
    "3.6k/h, 1",
    "1.5G/s, 1500000000",
    "0/s, 0",
    "0.5/s, 0.5",
    "900k/s, 900000",
  })
  void parse_validText_givesPerSecond(String text, double perSecond) {
    assertThat(Rates.parse(text)).isEqualTo(perSecond);
  }

  @Test
  void parse_perMinute_isNearestDouble() {
    assertThat(Rates.parse("1/m")).isEqualTo(1.0 / 60);
    assertThat(Rates.parse("1/h")).isEqualTo(1.0 / 3600);
  }

  @ParameterizedTest
  @ValueSource(strings = {"50kk/s", "50k", "50", "50K/s", "50k/sec", "k/s", "50 k/s", "1e3/s", ""})
  void parse_malformed_throwsWithExample(String text) {
    assertThatThrownBy(() -> Rates.parse(text))
        .isInstanceOf(UnitException.class)
        .hasMessage("\"" + text + "\" is not a rate (expected e.g. 50k/s)");
  }

  @Test
  void parse_negative_throws() {
    assertThatThrownBy(() -> Rates.parse("-5/s"))
        .isInstanceOf(UnitException.class)
        .hasMessage("\"-5/s\" is not a rate (expected a value >= 0, e.g. 50k/s)");
  }

  @ParameterizedTest
  @CsvSource({
    "1000000, 1M/s",
    "50000, 50k/s",
    "1500, 1.5k/s",
    "12.5, 12.5/s",
    "1, 1/s",
    "0, 0/s",
    "0.5, 30/m",
    "0.25, 15/m",
  })
  void format_perSecond_givesText(double perSecond, String text) {
    assertThat(Rates.format(perSecond)).isEqualTo(text);
  }

  @Test
  void format_slowRates_useMinutesOrHours() {
    assertThat(Rates.format(1.0 / 60)).isEqualTo("1/m");
    assertThat(Rates.format(1.0 / 3600)).isEqualTo("1/h");
  }
}
