package dev.cascade.core.unit;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Event rates, written as a number with an optional decimal multiplier ({@code k} = 10^3, {@code M}
 * = 10^6, {@code G} = 10^9) per second, minute or hour: {@code 1M/s}, {@code 50k/s}, {@code 600/m}.
 * Values are events per second as {@code double}.
 */
public final class Rates {
  private static final String KIND = "rate";
  private static final String EXPECTED = "e.g. 50k/s";
  private static final String EXPECTED_NON_NEGATIVE = "a value >= 0, e.g. 50k/s";
  private static final Pattern RATE = Pattern.compile(Numbers.MANTISSA + "([kMG]?)/([smh])");
  private static final String[] PREFIXES = {"", "k", "M", "G"};
  private static final String[] PER = {"s", "m", "h"};
  private static final double[] PER_SECONDS = {1, 60, 3_600};

  private Rates() {}

  /**
   * Parses a rate into events per second.
   *
   * @throws UnitException if the text is not a non-negative rate
   */
  public static double parse(String text) {
    String t = text.strip();
    if (t.startsWith("-")) {
      throw new UnitException(text, KIND, EXPECTED_NON_NEGATIVE);
    }
    Matcher m = RATE.matcher(t);
    if (!m.matches()) {
      throw new UnitException(text, KIND, EXPECTED);
    }
    int prefix = m.group(2).isEmpty() ? 0 : "kMG".indexOf(m.group(2)) + 1;
    BigDecimal perUnit = new BigDecimal(m.group(1)).movePointRight(3 * prefix);
    BigDecimal unitSeconds = BigDecimal.valueOf(PER_SECONDS["smh".indexOf(m.group(3))]);
    return Numbers.finite(
        perUnit.divide(unitSeconds, MathContext.DECIMAL128), text, KIND, EXPECTED);
  }

  /**
   * Prints a rate exactly: at least one per second with the largest multiplier that keeps the
   * number at least 1 ({@code 50k/s}, {@code 1M/s}, {@code 12.5/s}); below one per second in the
   * shortest of per second, minute or hour that parses back to the same value ({@code 30/m}, {@code
   * 0.25/s}).
   *
   * @throws IllegalArgumentException if the rate is negative, NaN or infinite
   */
  public static String format(double perSecond) {
    if (!(perSecond >= 0) || perSecond == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException("not a rate per second: " + perSecond);
    }
    BigDecimal x = Numbers.exact(perSecond);
    if (perSecond >= 1) {
      int prefix = PREFIXES.length - 1;
      while (prefix > 0 && x.compareTo(BigDecimal.ONE.movePointRight(3 * prefix)) < 0) {
        prefix--;
      }
      return Numbers.plain(x.movePointLeft(3 * prefix)) + PREFIXES[prefix] + "/s";
    }
    String best = Numbers.plain(x) + "/s";
    for (int unit = 1; unit < PER.length; unit++) {
      String candidate = Numbers.format(perSecond * PER_SECONDS[unit]) + "/" + PER[unit];
      if (candidate.length() < best.length() && parse(candidate) == perSecond) {
        best = candidate;
      }
    }
    return best;
  }
}
