package dev.cascade.core.unit;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shares and probabilities, written as a number in [0,1] ({@code 0.8}) or as a percentage in
 * [0%,100%] ({@code 80%}). Values are ratios in [0,1] as {@code double}.
 */
public final class Fractions {
  private static final String KIND = "fraction";
  private static final String EXPECTED = "e.g. 0.8 or 80%";
  private static final String EXPECTED_RANGE = "a value in [0,1] or [0%,100%], e.g. 0.8 or 80%";
  private static final Pattern FRACTION = Pattern.compile(Numbers.MANTISSA + "(%?)");

  private Fractions() {}

  /**
   * Parses a fraction into a ratio in [0,1].
   *
   * @throws UnitException if the text is not a number in [0,1] or a percentage in [0%,100%]
   */
  public static double parse(String text) {
    String t = text.strip();
    if (t.startsWith("-")) {
      throw new UnitException(text, KIND, EXPECTED_RANGE);
    }
    Matcher m = FRACTION.matcher(t);
    if (!m.matches()) {
      throw new UnitException(text, KIND, EXPECTED);
    }
    BigDecimal value = new BigDecimal(m.group(1));
    if (!m.group(2).isEmpty()) {
      value = value.movePointLeft(2);
    }
    if (value.compareTo(BigDecimal.ONE) > 0) {
      throw new UnitException(text, KIND, EXPECTED_RANGE);
    }
    return value.doubleValue();
  }
}
