package dev.cascade.core.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CountsTest {

  @ParameterizedTest
  @CsvSource({"40M, 40000000", "200, 200", "1.5k, 1500", "10k, 10000", "2G, 2000000000", "0, 0"})
  void parse_validText_givesCount(String text, long count) {
    assertThat(Counts.parse(text)).isEqualTo(count);
  }

  @ParameterizedTest
  @ValueSource(strings = {"40MM", "4 0", "ten", "10K", "10kb", "", "1e3"})
  void parse_malformed_throwsWithExample(String text) {
    assertThatThrownBy(() -> Counts.parse(text))
        .isInstanceOf(UnitException.class)
        .hasMessage("\"" + text + "\" is not a count (expected e.g. 40M or 200)");
  }

  @Test
  void parse_fractionalResult_throws() {
    assertThatThrownBy(() -> Counts.parse("1.5"))
        .isInstanceOf(UnitException.class)
        .hasMessage("\"1.5\" is not a count (expected a whole number, e.g. 40M or 200)");
    assertThatThrownBy(() -> Counts.parse("1.2345k")).isInstanceOf(UnitException.class);
  }

  @Test
  void parse_negativeOrTooLarge_throws() {
    assertThatThrownBy(() -> Counts.parse("-3")).isInstanceOf(UnitException.class);
    assertThatThrownBy(() -> Counts.parse("99999999999G")).isInstanceOf(UnitException.class);
  }

  @ParameterizedTest
  @CsvSource({"40000000, 40M", "200, 200", "1500, 1500", "10000, 10k", "0, 0", "3000000000, 3G"})
  void format_count_usesLargestWholeMultiplier(long count, String text) {
    assertThat(Counts.format(count)).isEqualTo(text);
  }
}
