package dev.cascade.core.unit;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts of things (keys, instances, tokens), written as an integer with an optional decimal
 * multiplier ({@code k} = 10^3, {@code M} = 10^6, {@code G} = 10^9): {@code 40M}, {@code 200}. A
 * decimal mantissa is allowed when the result is a whole number ({@code 1.5k} = 1500).
 */
public final class Counts {
  private static final String KIND = "count";
  private static final String EXPECTED = "e.g. 40M or 200";
  private static final String EXPECTED_INTEGER = "a whole number, e.g. 40M or 200";
  private static final Pattern COUNT = Pattern.compile(Numbers.MANTISSA + "([kMG]?)");
  private static final String[] PREFIXES = {"", "k", "M", "G"};
  private static final long[] MULTIPLIERS = {1, 1_000, 1_000_000, 1_000_000_000};

  private Counts() {}

  /**
   * Parses a count.
   *
   * @throws UnitException if the text is not a non-negative whole number that fits in a long
   */
  public static long parse(String text) {
    String t = text.strip();
    if (t.startsWith("-")) {
      throw new UnitException(text, KIND, "a value >= 0, e.g. 40M or 200");
    }
    Matcher m = COUNT.matcher(t);
    if (!m.matches()) {
      throw new UnitException(text, KIND, EXPECTED);
    }
    int prefix = m.group(2).isEmpty() ? 0 : "kMG".indexOf(m.group(2)) + 1;
    BigDecimal value = new BigDecimal(m.group(1)).movePointRight(3 * prefix);
    if (value.stripTrailingZeros().scale() > 0) {
      throw new UnitException(text, KIND, EXPECTED_INTEGER);
    }
    try {
      return value.longValueExact();
    } catch (ArithmeticException e) {
      throw new UnitException(text, KIND, "a value below 9.2 * 10^18, e.g. 40M or 200");
    }
  }

  /**
   * Prints a count with the largest multiplier that leaves a whole number: {@code 40M}, {@code
   * 10k}, {@code 1500}, {@code 0}.
   *
   * @throws IllegalArgumentException if the count is negative
   */
  public static String format(long count) {
    if (count < 0) {
      throw new IllegalArgumentException("not a count: " + count);
    }
    for (int prefix = PREFIXES.length - 1; prefix > 0; prefix--) {
      long unit = MULTIPLIERS[prefix];
      if (count != 0 && count % unit == 0) {
        return count / unit + PREFIXES[prefix];
      }
    }
    return Long.toString(count);
  }
}
