package dev.cascade.core.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SizesTest {

  @ParameterizedTest
  @CsvSource({
    "512b, 512",
    "2gb, 2147483648",
    "1kb, 1024",
    "1.5kb, 1536",
    "256MB, 268435456",
    "1Kb, 1024",
    "0b, 0",
  })
  void parse_validText_givesBytes(String text, long bytes) {
    assertThat(Sizes.parse(text)).isEqualTo(bytes);
  }

  @ParameterizedTest
  @ValueSource(strings = {"512", "2g", "2tb", "kb", "1 kb", "2gib", ""})
  void parse_malformed_throwsWithExample(String text) {
    assertThatThrownBy(() -> Sizes.parse(text))
        .isInstanceOf(UnitException.class)
        .hasMessage("\"" + text + "\" is not a size (expected e.g. 512b or 2gb)");
  }

  @Test
  void parse_fractionalBytesOrNegative_throws() {
    assertThatThrownBy(() -> Sizes.parse("0.3kb"))
        .isInstanceOf(UnitException.class)
        .hasMessageContaining("whole number of bytes");
    assertThatThrownBy(() -> Sizes.parse("-1kb")).isInstanceOf(UnitException.class);
  }

  @ParameterizedTest
  @CsvSource({
    "512, 512b",
    "1024, 1kb",
    "1536, 1.5kb",
    "2147483648, 2gb",
    "1025, 1025b",
    "1000, 1000b",
    "0, 0b",
  })
  void format_bytes_givesShortestExactText(long bytes, String text) {
    assertThat(Sizes.format(bytes)).isEqualTo(text);
  }
}
