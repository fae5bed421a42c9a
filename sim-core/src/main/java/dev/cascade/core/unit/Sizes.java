package dev.cascade.core.unit;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Amounts of memory, written as a number and a binary unit ({@code b kb mb gb}, 1 kb = 1024 b, any
 * letter case): {@code 512b}, {@code 2gb}, {@code 1.5kb}. Values are whole bytes as {@code long}; a
 * decimal that does not come to a whole number of bytes is rejected.
 */
public final class Sizes {
  private static final String KIND = "size";
  private static final String EXPECTED = "e.g. 512b or 2gb";
  private static final Pattern SIZE = Pattern.compile(Numbers.MANTISSA + "(b|kb|mb|gb)");
  private static final List<String> UNITS = List.of("b", "kb", "mb", "gb");

  private Sizes() {}

  /**
   * Parses a size into bytes.
   *
   * @throws UnitException if the text is not a non-negative whole number of bytes
   */
  public static long parse(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    if (t.startsWith("-")) {
      throw new UnitException(text, KIND, "a value >= 0, e.g. 512b or 2gb");
    }
    Matcher m = SIZE.matcher(t);
    if (!m.matches()) {
      throw new UnitException(text, KIND, EXPECTED);
    }
    int unit = UNITS.indexOf(m.group(2));
    BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(1L << (10 * unit)));
    if (bytes.stripTrailingZeros().scale() > 0) {
      throw new UnitException(text, KIND, "a whole number of bytes, e.g. 512b or 1.5kb");
    }
    try {
      return bytes.longValueExact();
    } catch (ArithmeticException e) {
      throw new UnitException(text, KIND, "a value below 8 * 1024^6 b, e.g. 512b or 2gb");
    }
  }

  /**
   * Prints a size in the shortest exact form, preferring the larger unit on a tie: {@code 512b},
   * {@code 1.5kb}, {@code 2gb}, {@code 1025b}.
   *
   * @throws IllegalArgumentException if the size is negative
   */
  public static String format(long bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException("not a size in bytes: " + bytes);
    }
    String best = bytes + "b";
    for (int unit = 1; unit < UNITS.size(); unit++) {
      long unitBytes = 1L << (10 * unit);
      if (bytes < unitBytes) {
        break;
      }
      BigDecimal value = BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(unitBytes));
      String candidate = Numbers.plain(value) + UNITS.get(unit);
      if (candidate.length() <= best.length()) {
        best = candidate;
      }
    }
    return best;
  }
}
