package dev.cascade.core.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

  @ParameterizedTest
  @CsvSource({
    "500ms, 0.5",
    "20m, 1200",
    "8m12s, 492",
    "1.5h, 5400",
    "1h30m, 5400",
    "2d, 172800",
    "1d1h1m1s, 90061",
    "250us, 0.00025",
    "30ns, 0.00000003",
    "1.1ms, 0.0011",
    "1m0.5s, 60.5",
    "0, 0",
    "0s, 0",
    "' 2s ', 2",
  })
  void parse_validText_givesSeconds(String text, double seconds) {
    assertThat(Durations.parse(text)).isEqualTo(seconds);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "ms",
        "5",
        "1.5",
        "2xs",
        "1 s",
        "5S",
        "1.s",
        ".5s",
        "1e3s",
        "30s1m",
        "1m1m",
        "1h-30m",
        "NaNs",
        "Infinitys",
        "1,5s",
        "8m12"
      })
  void parse_malformed_throwsWithExample(String text) {
    assertThatThrownBy(() -> Durations.parse(text))
        .isInstanceOf(UnitException.class)
        .hasMessage("\"" + text + "\" is not a duration (expected e.g. 500ms, 8m12s or 1.5h)");
  }

  @Test
  void parse_negative_saysNonNegative() {
    assertThatThrownBy(() -> Durations.parse("-5ms"))
        .isInstanceOfSatisfying(
            UnitException.class,
            e -> {
              assertThat(e.text()).isEqualTo("-5ms");
              assertThat(e.kind()).isEqualTo("duration");
              assertThat(e.expected()).isEqualTo("a value >= 0, e.g. 500ms");
            })
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @CsvSource({
    "0.5, 500ms",
    "1200, 20m",
    "492, 8m12s",
    "1.5, 1.5s",
    "5400, 1h30m",
    "3600, 1h",
    "90061, 1d1h1m1s",
    "60.5, 1m0.5s",
    "0.0021, 2.1ms",
    "0.00000003, 30ns",
    "1e-10, 0.1ns",
    "0, 0s",
    "59, 59s",
  })
  void format_seconds_givesReadableText(double seconds, String text) {
    assertThat(Durations.format(seconds)).isEqualTo(text);
  }

  @Test
  void format_negativeOrNotFinite_throws() {
    for (double bad : new double[] {-1, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThatThrownBy(() -> Durations.format(bad)).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
