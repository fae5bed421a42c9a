package dev.cascade.core.unit;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations of simulated time, written as a number and a unit ({@code ns us ms s m h d}) such as
 * {@code 500ms} or {@code 1.5h}, or as a compound of such terms in decreasing unit order such as
 * {@code 8m12s} or {@code 1h30m}. A bare {@code 0} is allowed. Values are seconds as {@code
 * double}; the decimal text is converted exactly and rounded once, so {@code 1.1ms} is the double
 * nearest to 0.0011.
 */
public final class Durations {
  private static final String KIND = "duration";
  private static final String EXPECTED = "e.g. 500ms, 8m12s or 1.5h";
  private static final String EXPECTED_NON_NEGATIVE = "a value >= 0, e.g. 500ms";
  private static final Pattern TERM = Pattern.compile(Numbers.MANTISSA + "(ns|us|ms|s|m|h|d)");

  /** Units from the largest down; a compound must use them in this order, each at most once. */
  private static final List<String> UNITS = List.of("d", "h", "m", "s", "ms", "us", "ns");

  private static final List<BigDecimal> UNIT_SECONDS =
      List.of(
          BigDecimal.valueOf(86_400),
          BigDecimal.valueOf(3_600),
          BigDecimal.valueOf(60),
          BigDecimal.ONE,
          new BigDecimal("1e-3"),
          new BigDecimal("1e-6"),
          new BigDecimal("1e-9"));

  private static final BigDecimal MINUTE = BigDecimal.valueOf(60);

  private Durations() {}

  /**
   * Parses a duration into seconds.
   *
   * @throws UnitException if the text is not a non-negative duration
   */
  public static double parse(String text) {
    return Numbers.finite(parseExact(text), text, KIND, EXPECTED);
  }

  /** Parses a duration into its exact decimal number of seconds. */
  static BigDecimal parseExact(String text) {
    String t = text.strip();
    if (t.startsWith("-")) {
      throw new UnitException(text, KIND, EXPECTED_NON_NEGATIVE);
    }
    if (t.equals("0")) {
      return BigDecimal.ZERO;
    }
    Matcher m = TERM.matcher(t);
    BigDecimal seconds = BigDecimal.ZERO;
    int position = 0;
    int previousUnit = -1;
    while (position < t.length()) {
      m.region(position, t.length());
      if (!m.lookingAt()) {
        throw new UnitException(text, KIND, EXPECTED);
      }
      int unit = UNITS.indexOf(m.group(2));
      if (unit <= previousUnit) {
        throw new UnitException(text, KIND, EXPECTED);
      }
      seconds = seconds.add(new BigDecimal(m.group(1)).multiply(UNIT_SECONDS.get(unit)));
      previousUnit = unit;
      position = m.end();
    }
    if (previousUnit < 0) {
      throw new UnitException(text, KIND, EXPECTED);
    }
    return seconds;
  }

  /**
   * Prints a duration in its most readable exact form: below a minute a single term in the largest
   * unit that keeps the number at least 1 ({@code 1.5s}, {@code 500ms}, {@code 20us}); from a
   * minute on a compound of whole days, hours and minutes plus (possibly fractional) seconds
   * ({@code 20m}, {@code 8m12s}, {@code 1h30m}). Zero prints as {@code 0s}. The text parses back to
   * exactly {@code seconds}.
   *
   * @throws IllegalArgumentException if seconds is negative, NaN or infinite
   */
  public static String format(double seconds) {
    if (!(seconds >= 0) || seconds == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException("not a duration in seconds: " + seconds);
    }
    BigDecimal x = Numbers.exact(seconds);
    if (x.signum() == 0) {
      return "0s";
    }
    if (x.compareTo(MINUTE) < 0) {
      int unit = UNITS.indexOf("s");
      while (unit < UNITS.size() - 1 && x.compareTo(UNIT_SECONDS.get(unit)) < 0) {
        unit++;
      }
      return Numbers.plain(x.divide(UNIT_SECONDS.get(unit))) + UNITS.get(unit);
    }
    StringBuilder text = new StringBuilder();
    BigDecimal rest = x;
    for (int unit = 0; unit <= UNITS.indexOf("m"); unit++) {
      BigDecimal[] split = rest.divideAndRemainder(UNIT_SECONDS.get(unit));
      if (split[0].signum() > 0) {
        text.append(split[0].toBigInteger()).append(UNITS.get(unit));
      }
      rest = split[1];
    }
    if (rest.signum() > 0) {
      text.append(Numbers.plain(rest)).append('s');
    }
    return text.toString();
  }
}
