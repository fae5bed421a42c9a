package dev.cascade.scenario.output;

import java.math.BigDecimal;

/** Numbers in text outputs: plain decimal, {@code .} as separator, whatever the locale. */
final class Numbers {

  private Numbers() {}

  /**
   * The shortest plain decimal that reads back as {@code v} ({@code 1800}, {@code 0.41}, {@code
   * 0.0000001}); empty for NaN and infinities ("not applicable").
   */
  static String plain(double v) {
    if (!Double.isFinite(v)) {
      return "";
    }
    if (v == 0) {
      return "0";
    }
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  /** {@code v} rounded to milliseconds (for times in words and wall time). */
  static double millis(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
