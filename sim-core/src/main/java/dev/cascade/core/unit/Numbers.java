package dev.cascade.core.unit;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Plain decimal numbers without a unit, as used for dimensionless parameters (a log-normal sigma, a
 * Pareto shape, a jitter factor). Only the plain form {@code -?digits[.digits]} is accepted: no
 * exponents, no {@code NaN} or {@code Infinity}, so every accepted text is a finite value. The
 * unsigned form is also the mantissa of every other value kind in this package.
 */
public final class Numbers {
  private static final String KIND = "number";
  private static final String EXPECTED = "e.g. 0.5";
  private static final Pattern UNSIGNED = Pattern.compile("\\d+(?:\\.\\d+)?");

  /** The unsigned decimal mantissa, as a regular-expression fragment for the other parsers. */
  static final String MANTISSA = "(\\d+(?:\\.\\d+)?)";

  private Numbers() {}

  /**
   * Parses a plain decimal number, e.g. {@code 0.5} or {@code -3}.
   *
   * @throws UnitException if the text is not a plain decimal number
   */
  public static double parse(String text) {
    String t = text.strip();
    boolean negative = t.startsWith("-");
    String digits = negative ? t.substring(1) : t;
    if (!UNSIGNED.matcher(digits).matches()) {
      throw new UnitException(text, KIND, EXPECTED);
    }
    BigDecimal value = new BigDecimal(digits);
    return finite(negative ? value.negate() : value, text, KIND, EXPECTED);
  }

  /**
   * Prints a finite number in plain decimal form with the fewest digits that parse back to the same
   * double, e.g. {@code 0.5}, {@code 3}, {@code 0.0001}.
   *
   * @throws IllegalArgumentException if the value is NaN or infinite
   */
  public static String format(double value) {
    return plain(exact(value));
  }

  /** The shortest decimal that converts back to exactly {@code value}; the value must be finite. */
  static BigDecimal exact(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("not a finite number: " + value);
    }
    return new BigDecimal(Double.toString(value));
  }

  /** A decimal in plain notation without trailing zeros ({@code 1.50} prints as {@code 1.5}). */
  static String plain(BigDecimal value) {
    if (value.signum() == 0) {
      return "0";
    }
    return value.stripTrailingZeros().toPlainString();
  }

  /** Rounds an exact decimal to the nearest double, rejecting values too large for a double. */
  static double finite(BigDecimal value, String text, String kind, String expected) {
    double d = value.doubleValue();
    if (!Double.isFinite(d)) {
      throw new UnitException(text, kind, expected);
    }
    return d;
  }
}
